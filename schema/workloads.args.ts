import { ArgsType, Field, Int } from 'type-graphql';
import { WorkloadFilter } from './workload-filter.input.js';
import { WorkloadSort } from './workload-sort.input.js';

/** The arguments of Query.workloads and Cluster.workloads. */
@ArgsType()
export class WorkloadsArgs {
  @Field(() => WorkloadFilter, { nullable: true })
  filter!: WorkloadFilter | null;

  @Field(() => [WorkloadSort], { nullable: true })
  sort!: WorkloadSort[] | null;

  @Field(() => Int, { nullable: true })
  first!: number | null;

  @Field(() => String, { nullable: true })
  after!: string | null;
}
