import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import type { GatewayContext } from '../src/server/context.js';
import { type ClusterUpgradePlanRecord, readClusterWorkloads, upgradeCandidates } from '../src/upgrades/index.js';
import { ClusterUpgradePlan } from '../schema/cluster-upgrade-plan.type.js';
import { ImageField } from '../schema/image-field.enum.js';

// Roots are ClusterUpgradePlanRecords. A cluster that cannot be evaluated is a plan with
// `failed: true` and a message, and on purpose nothing more: it is not also recorded in
// ctx.clusterErrors. The plan is the answer the caller asked for, failure included, and a
// CLUSTER_UNAVAILABLE beside it would make clients that treat any error as a failed request
// throw away the other clusters' plans.
@Resolver(() => ClusterUpgradePlan)
export class UpgradeResolver {
  @Query(() => [ClusterUpgradePlan])
  upgradeCandidates(
    @Arg('image', () => String) image: string,
    @Arg('filter', () => [ImageField], { nullable: true }) filter: ImageField[] | null,
    @Arg('clusters', () => [String], { nullable: true }) clusters: string[] | null,
    @Arg('namespaces', () => [String], { nullable: true }) namespaces: string[] | null,
    @Ctx() ctx: GatewayContext,
  ): Promise<ClusterUpgradePlanRecord[]> {
    const readWorkloads = (cluster: string) => readClusterWorkloads(ctx, cluster);
    return upgradeCandidates({ clusters: ctx.registry.list(), readWorkloads }, { image, filter, clusters, namespaces });
  }
}
