import { Field, InputType, Int } from 'type-graphql';

// Exactly one of hosts, labelSelector and allHosts: src/operations/plan-hosts.ts; checked by src/validation.
@InputType()
export class RestartHostsInput {
  @Field(() => String)
  cluster!: string;

  @Field(() => [String], { nullable: true })
  hosts?: string[] | null;

  @Field(() => String, { nullable: true })
  labelSelector?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'restart every host of the cluster; without it an empty labelSelector is refused' })
  allHosts?: boolean | null;

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
