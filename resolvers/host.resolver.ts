import { Arg, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import { NotFoundError } from '../src/errors/index.js';
import { resolveClusters, type RegisteredCluster } from '../src/fleet/index.js';
import { listAcross, listOrEmpty } from '../src/loaders/index.js';
import { toHostRecord } from '../src/model/host.js';
import { toLabelList } from '../src/model/labels.js';
import { toPodRecord } from '../src/model/pod.js';
import type { HostRecord, PodRecord } from '../src/model/records.js';
import { HOSTS_BY_CLUSTER_AND_NAME, hostMatcher } from '../src/query/host-filter.js';
import { paginate, sortBy, type Page } from '../src/query/paginate.js';
import { podsOnHost } from '../src/query/pods-by-host.js';
import type { GatewayContext } from '../src/server/context.js';
import { Cluster } from '../schema/cluster.type.js';
import { HostConnection } from '../schema/host-connection.type.js';
import { HostFilter } from '../schema/host-filter.input.js';
import { Host } from '../schema/host.type.js';
import { Label } from '../schema/label.type.js';
import { Pod } from '../schema/pod.type.js';

// Roots are HostRecords. A cluster that fails a list is recorded in ctx.clusterErrors and
// contributes nothing; the others still answer.
@Resolver(() => Host)
export class HostResolver {
  @Query(() => HostConnection)
  async hosts(
    @Arg('filter', () => HostFilter, { nullable: true }) filter: HostFilter | null,
    @Arg('first', () => Int, { nullable: true }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Ctx() ctx: GatewayContext,
  ): Promise<Page<HostRecord>> {
    const matches = hostMatcher(filter);
    const clusters = resolveClusters({ known: ctx.registry.list(), names: filter?.clusters, field: 'filter.clusters' }).map((c) => c.name);
    const answered = await listAcross(ctx, clusters, 'Node');
    const hosts = answered.flatMap(({ cluster, items }) => items.map((node) => toHostRecord(cluster, node))).filter(matches);
    return paginate(sortBy(hosts, HOSTS_BY_CLUSTER_AND_NAME), HOSTS_BY_CLUSTER_AND_NAME, { first, after });
  }

  @FieldResolver(() => Cluster)
  cluster(@Root() host: HostRecord, @Ctx() ctx: GatewayContext): RegisteredCluster {
    const cluster = ctx.registry.get(host.cluster);
    // Only when the cluster was unregistered while this request ran.
    if (!cluster) throw new NotFoundError(`no cluster named ${host.cluster}`);
    return cluster;
  }

  @FieldResolver(() => [Label])
  labels(@Root() host: HostRecord): Label[] {
    return toLabelList(host.labels);
  }

  /** Pods whose spec.nodeName is this host, from the cluster's one pod list of this request. */
  @FieldResolver(() => [Pod])
  async pods(@Root() host: HostRecord, @Ctx() ctx: GatewayContext): Promise<PodRecord[]> {
    const pods = await listOrEmpty(ctx, host.cluster, 'Pod');
    return podsOnHost(pods, host.name).map((pod) => toPodRecord(host.cluster, pod));
  }

  /** The same pods as `pods`, counted: terminated ones still bound to the host included. */
  @FieldResolver(() => Int)
  async podCount(@Root() host: HostRecord, @Ctx() ctx: GatewayContext): Promise<number> {
    const pods = await listOrEmpty(ctx, host.cluster, 'Pod');
    return podsOnHost(pods, host.name).length;
  }
}
