import { Field, Int, ObjectType } from 'type-graphql';
import { PageInfo } from './page-info.type.js';
import { Workload } from './workload.type.js';

// Roots are paginate's Pages of WorkloadRecords.
@ObjectType()
export class WorkloadEdge {
  @Field(() => String)
  cursor!: string;

  @Field(() => Workload)
  node!: Workload;
}

@ObjectType()
export class WorkloadConnection {
  @Field(() => [WorkloadEdge])
  edges!: WorkloadEdge[];

  @Field(() => [Workload])
  nodes!: Workload[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  @Field(() => Int)
  totalCount!: number;
}
