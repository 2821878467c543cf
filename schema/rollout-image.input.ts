import { Field, InputType } from 'type-graphql';
import { ImageField } from './image-field.enum.js';
import { RolloutStrategyInput } from './rollout-strategy.input.js';

// What is planned from it: src/operations/plan-rollout.ts.
@InputType()
export class RolloutImageInput {
  @Field(() => String)
  image!: string;

  @Field(() => [ImageField], { nullable: true })
  filter?: ImageField[] | null;

  @Field(() => [String], { nullable: true })
  clusters?: string[] | null;

  @Field(() => [String], { nullable: true })
  namespaces?: string[] | null;

  @Field(() => RolloutStrategyInput, { nullable: true })
  strategy?: RolloutStrategyInput | null;

  @Field(() => Boolean, { nullable: true, defaultValue: false })
  dryRun?: boolean | null;

  @Field(() => String, { nullable: true, description: 'the same key from the same principal returns the same operation' })
  idempotencyKey?: string | null;

  @Field(() => Boolean, {
    nullable: true,
    defaultValue: false,
    description: 'when a target is held by another running or pending operation: wait for it to finish (true) instead of failing with CONFLICT',
  })
  queue?: boolean | null;
}
