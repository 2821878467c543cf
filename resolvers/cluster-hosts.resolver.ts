import { Arg, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { RegisteredCluster } from '../src/fleet/index.js';
import { listOrEmpty } from '../src/loaders/index.js';
import { toHostRecord } from '../src/model/host.js';
import { toNamespaceRecord } from '../src/model/namespace.js';
import type { HostRecord, NamespaceRecord } from '../src/model/records.js';
import { HOSTS_BY_CLUSTER_AND_NAME, hostMatcher } from '../src/query/host-filter.js';
import { sortBy } from '../src/query/paginate.js';
import type { GatewayContext } from '../src/server/context.js';
import { Cluster } from '../schema/cluster.type.js';
import { HostFilter } from '../schema/host-filter.input.js';
import { Host } from '../schema/host.type.js';
import { Namespace } from '../schema/namespace.type.js';

// Cluster.hosts and Cluster.namespaces. An unreachable cluster has none, and its failure
// is recorded once for the response rather than nulling the cluster out.
@Resolver(() => Cluster)
export class ClusterHostsResolver {
  /** The cluster's hosts by name; the node list is the one `status` and `hostCounts` read. */
  @FieldResolver(() => [Host])
  async hosts(
    @Root() cluster: RegisteredCluster,
    @Arg('filter', () => HostFilter, { nullable: true }) filter: HostFilter | null,
    @Ctx() ctx: GatewayContext,
  ): Promise<HostRecord[]> {
    const matches = hostMatcher(filter);
    const nodes = await listOrEmpty(ctx, cluster.name, 'Node');
    const hosts = nodes.map((node) => toHostRecord(cluster.name, node)).filter(matches);
    return sortBy(hosts, HOSTS_BY_CLUSTER_AND_NAME);
  }

  @FieldResolver(() => [Namespace])
  async namespaces(@Root() cluster: RegisteredCluster, @Ctx() ctx: GatewayContext): Promise<NamespaceRecord[]> {
    const namespaces = await listOrEmpty(ctx, cluster.name, 'Namespace');
    return namespaces.map((ns) => toNamespaceRecord(cluster.name, ns)).sort((a, b) => (a.name < b.name ? -1 : 1));
  }
}
