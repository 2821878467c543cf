import { Field, InputType, Int } from 'type-graphql';

// Defaults and checks: src/operations/strategy.ts.
@InputType()
export class RolloutStrategyInput {
  @Field(() => Int, { nullable: true, defaultValue: 1, description: 'clusters worked on at once, in the order given' })
  maxParallelClusters?: number | null;

  @Field(() => Boolean, { nullable: true, defaultValue: true, description: 'start no new target after one has failed' })
  stopOnFailure?: boolean | null;

  @Field(() => Boolean, { nullable: true, defaultValue: true, description: 'return a failed target to its previous revision' })
  rollbackOnFailure?: boolean | null;

  @Field(() => Int, { nullable: true, defaultValue: 600, description: 'seconds a target may take to become available before it counts as failed' })
  timeoutSeconds?: number | null;
}
