import { Field, Int, ObjectType } from 'type-graphql';
import { ClusterCount, HostStatusCount, NamespaceCount, PodPhaseCount, WorkloadKindCount, WorkloadStatusCount } from './summary-counts.type.js';

// Roots are src/summary's FleetSummaryRecord, resolved as they are. Lists of enum values hold
// every value in the enum's order, zeros included; byCluster every cluster counted.

@ObjectType()
export class WorkloadSummary {
  @Field(() => Int)
  total!: number;

  @Field(() => [WorkloadStatusCount], { description: 'every status, as Workload.status gives it' })
  byStatus!: WorkloadStatusCount[];

  @Field(() => [WorkloadKindCount])
  byKind!: WorkloadKindCount[];

  @Field(() => [ClusterCount], { description: 'each cluster counted, in name order; a cluster that failed is absent and named in errors (CLUSTER_UNAVAILABLE)' })
  byCluster!: ClusterCount[];

  @Field(() => [NamespaceCount], { description: 'namespaces holding at least one workload, by name' })
  byNamespace!: NamespaceCount[];
}

@ObjectType()
export class HostSummary {
  @Field(() => Int)
  total!: number;

  @Field(() => [HostStatusCount], { description: 'every status, as Host.status gives it' })
  byStatus!: HostStatusCount[];

  @Field(() => [ClusterCount], { description: 'each cluster counted, in name order' })
  byCluster!: ClusterCount[];
}

@ObjectType()
export class PodSummary {
  @Field(() => Int)
  total!: number;

  @Field(() => Int, { description: 'pods whose Ready condition is True (Pod.ready)' })
  ready!: number;

  @Field(() => Int)
  notReady!: number;

  @Field(() => [PodPhaseCount], { description: "the API's five phases in lifecycle order, zeros included, then any other phase seen" })
  byPhase!: PodPhaseCount[];
}

@ObjectType({ description: 'counts across the fleet the caller sees' })
export class FleetSummary {
  @Field(() => WorkloadSummary)
  workloads!: WorkloadSummary;

  @Field(() => HostSummary)
  hosts!: HostSummary;

  @Field(() => PodSummary)
  pods!: PodSummary;
}
