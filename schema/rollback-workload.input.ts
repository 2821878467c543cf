import { Field, InputType, Int } from 'type-graphql';
import { WorkloadRef } from './workload-ref.input.js';

@InputType()
export class RollbackWorkloadInput {
  @Field(() => WorkloadRef)
  workload!: WorkloadRef;

  @Field(() => Int, { nullable: true, description: 'revision to return to; the previous one when omitted' })
  revision?: number | null;
}
