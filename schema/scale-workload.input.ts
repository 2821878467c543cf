import { Field, InputType, Int } from 'type-graphql';
import { WorkloadRef } from './workload-ref.input.js';

@InputType()
export class ScaleWorkloadInput {
  @Field(() => WorkloadRef)
  workload!: WorkloadRef;

  @Field(() => Int)
  replicas!: number;
}
