import { Field, InputType } from 'type-graphql';
import { RolloutStrategyInput } from './rollout-strategy.input.js';
import { WorkloadFilter } from './workload-filter.input.js';
import { WorkloadRef } from './workload-ref.input.js';

// Exactly one of workloads and filter: src/operations/plan-restart.ts.
@InputType()
export class RestartWorkloadsInput {
  @Field(() => [WorkloadRef], { nullable: true })
  workloads?: WorkloadRef[] | null;

  @Field(() => WorkloadFilter, { nullable: true })
  filter?: WorkloadFilter | null;

  @Field(() => RolloutStrategyInput, { nullable: true })
  strategy?: RolloutStrategyInput | null;

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
