import { Arg, Args, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import { NotFoundError } from '../src/errors/index.js';
import type { RegisteredCluster } from '../src/fleet/index.js';
import { toLabelList } from '../src/model/labels.js';
import type { PodRecord, WorkloadKind as WorkloadKindValue, WorkloadRecord } from '../src/model/records.js';
import type { Page } from '../src/query/paginate.js';
import { workloadPods } from '../src/query/workload-pods.js';
import { workloadRevision } from '../src/query/workload-revision.js';
import { findWorkload, queryWorkloads } from '../src/query/workloads.js';
import type { GatewayContext } from '../src/server/context.js';
import { Cluster } from '../schema/cluster.type.js';
import { Label } from '../schema/label.type.js';
import { Pod } from '../schema/pod.type.js';
import { WorkloadConnection } from '../schema/workload-connection.type.js';
import { WorkloadKind } from '../schema/workload-kind.enum.js';
import { WorkloadRef } from '../schema/workload-ref.input.js';
import { WorkloadsArgs } from '../schema/workloads.args.js';
import { Workload } from '../schema/workload.type.js';

// Roots are WorkloadRecords. A cluster that fails a list is recorded in ctx.clusterErrors
// and contributes nothing; the others still answer.
@Resolver(() => Workload)
export class WorkloadResolver {
  @Query(() => WorkloadConnection)
  workloads(
    @Args(() => WorkloadsArgs) args: WorkloadsArgs,
    @Ctx() ctx: GatewayContext,
  ): Promise<Page<WorkloadRecord>> {
    const clusters = ctx.registry.list().map((c) => c.name);
    return queryWorkloads(ctx, { clusters, ...args });
  }

  /** null when the workload (or its cluster) does not exist, or its cluster cannot be read. */
  @Query(() => Workload, { nullable: true })
  workload(@Arg('ref', () => WorkloadRef) ref: WorkloadRef, @Ctx() ctx: GatewayContext): Promise<WorkloadRecord | null> {
    return findWorkload(ctx, ref);
  }

  @FieldResolver(() => WorkloadKind)
  kind(@Root() workload: WorkloadRecord): WorkloadKindValue {
    return workload.workloadKind;
  }

  @FieldResolver(() => [Label])
  labels(@Root() workload: WorkloadRecord): Label[] {
    return toLabelList(workload.labels);
  }

  @FieldResolver(() => Cluster)
  cluster(@Root() workload: WorkloadRecord, @Ctx() ctx: GatewayContext): RegisteredCluster {
    const cluster = ctx.registry.get(workload.cluster);
    // Only when the cluster was unregistered while this request ran.
    if (!cluster) throw new NotFoundError(`no cluster named ${workload.cluster}`);
    return cluster;
  }

  /** As `kubectl rollout history` numbers it; a StatefulSet's or DaemonSet's from its ControllerRevisions. */
  @FieldResolver(() => Int, { nullable: true })
  revision(@Root() workload: WorkloadRecord, @Ctx() ctx: GatewayContext): Promise<number | null> {
    return workloadRevision(ctx, workload);
  }

  /** The pods the workload controls, by name; from one pod list per namespace of this request. */
  @FieldResolver(() => [Pod])
  pods(@Root() workload: WorkloadRecord, @Ctx() ctx: GatewayContext): Promise<PodRecord[]> {
    return workloadPods(ctx, workload);
  }
}
