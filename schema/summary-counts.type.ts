import { Field, Int, ObjectType } from 'type-graphql';
import { HostStatus } from './host-status.enum.js';
import { WorkloadKind } from './workload-kind.enum.js';
import { WorkloadStatus } from './workload-status.enum.js';

// One bucket of a summary's count per dimension: the value counted and how many have it.

@ObjectType()
export class WorkloadStatusCount {
  @Field(() => WorkloadStatus)
  status!: WorkloadStatus;

  @Field(() => Int)
  count!: number;
}

@ObjectType()
export class WorkloadKindCount {
  @Field(() => WorkloadKind)
  kind!: WorkloadKind;

  @Field(() => Int)
  count!: number;
}

@ObjectType()
export class HostStatusCount {
  @Field(() => HostStatus)
  status!: HostStatus;

  @Field(() => Int)
  count!: number;
}

@ObjectType()
export class PodPhaseCount {
  @Field(() => String, { description: 'Pending, Running, Succeeded, Failed, Unknown (as Pod.phase)' })
  phase!: string;

  @Field(() => Int)
  count!: number;
}

@ObjectType()
export class ClusterCount {
  @Field(() => String, { description: "the cluster's name" })
  cluster!: string;

  @Field(() => Int)
  count!: number;
}

@ObjectType()
export class NamespaceCount {
  @Field(() => String, { description: 'a namespace name, counted across every cluster that has it' })
  namespace!: string;

  @Field(() => Int)
  count!: number;
}
