import { Field, InputType, Int } from 'type-graphql';

// Exactly one of hosts and labelSelector: src/operations/plan-hosts.ts.
@InputType()
export class RestartHostsInput {
  @Field(() => String)
  cluster!: string;

  @Field(() => [String], { nullable: true })
  hosts?: string[] | null;

  @Field(() => String, { nullable: true })
  labelSelector?: string | null;

  @Field(() => Int, { nullable: true, defaultValue: 1, description: 'hosts drained at once' })
  maxUnavailable?: number | null;

  @Field(() => Boolean, { nullable: true, defaultValue: false })
  dryRun?: boolean | null;

  @Field(() => String, { nullable: true })
  idempotencyKey?: string | null;

  @Field(() => Boolean, {
    nullable: true,
    defaultValue: false,
    description: 'when a target is held by another running or pending operation: wait for it to finish (true) instead of failing with CONFLICT',
  })
  queue?: boolean | null;
}
