import { Arg, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { filterClusters, type ClusterHealth, type HostCounts, type RegisteredCluster } from '../src/fleet/index.js';
import type { GatewayContext } from '../src/server/context.js';
import { ClusterFilter } from '../schema/cluster-filter.input.js';
import { ClusterStatus } from '../schema/cluster-status.enum.js';
import { Cluster } from '../schema/cluster.type.js';
import { HostCounts as HostCountsType } from '../schema/host-counts.type.js';
import { Label } from '../schema/label.type.js';

// Roots are the registry's RegisteredCluster: id, name, server and source resolve
// as they are; the rest is shaped here or read from the request's probe.
@Resolver(() => Cluster)
export class ClusterResolver {
  @Query(() => [Cluster])
  clusters(
    @Arg('filter', () => ClusterFilter, { nullable: true }) filter: ClusterFilter | null,
    @Ctx() ctx: GatewayContext,
  ): Promise<RegisteredCluster[]> {
    return filterClusters(ctx.registry.list(), filter ?? {}, (cluster) => ctx.clusterHealth(cluster));
  }

  @Query(() => Cluster, { nullable: true })
  cluster(@Arg('name', () => String) name: string, @Ctx() ctx: GatewayContext): RegisteredCluster | null {
    return ctx.registry.get(name) ?? null;
  }

  @FieldResolver(() => [Label])
  labels(@Root() cluster: RegisteredCluster): Label[] {
    return Object.entries(cluster.labels)
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([key, value]) => ({ key, value }));
  }

  @FieldResolver(() => ClusterStatus)
  async status(@Root() cluster: RegisteredCluster, @Ctx() ctx: GatewayContext): Promise<ClusterHealth['status']> {
    return (await ctx.clusterHealth(cluster)).status;
  }

  @FieldResolver(() => String, { nullable: true })
  async version(@Root() cluster: RegisteredCluster, @Ctx() ctx: GatewayContext): Promise<string | null> {
    return (await ctx.clusterHealth(cluster)).version;
  }

  @FieldResolver(() => String, { nullable: true })
  async error(@Root() cluster: RegisteredCluster, @Ctx() ctx: GatewayContext): Promise<string | null> {
    return (await ctx.clusterHealth(cluster)).error;
  }

  @FieldResolver(() => HostCountsType)
  async hostCounts(@Root() cluster: RegisteredCluster, @Ctx() ctx: GatewayContext): Promise<HostCounts> {
    return (await ctx.clusterHealth(cluster)).hostCounts;
  }
}
