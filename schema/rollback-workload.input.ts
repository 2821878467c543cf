import { Field, InputType, Int } from 'type-graphql';
import { WorkloadRef } from './workload-ref.input.js';

@InputType()
export class RollbackWorkloadInput {
  @Field(() => WorkloadRef)
  workload!: WorkloadRef;

  @Field(() => Int, { nullable: true, description: 'revision to return to; the previous one when omitted' })
  revision?: number | null;

  @Field(() => Boolean, {
    nullable: true,
    defaultValue: false,
    description: 'when a target is held by another running or pending operation: wait for it to finish (true) instead of failing with CONFLICT',
  })
  queue?: boolean | null;
}
