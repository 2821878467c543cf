import { Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { RegisteredCluster } from '../src/fleet/index.js';
import type { WorkloadRecord } from '../src/model/records.js';
import type { Page } from '../src/query/paginate.js';
import { queryWorkloads } from '../src/query/workloads.js';
import type { GatewayContext } from '../src/server/context.js';
import { Cluster } from '../schema/cluster.type.js';
import { WorkloadConnection } from '../schema/workload-connection.type.js';
import { WorkloadsArgs } from '../schema/workloads.args.js';

// Cluster.workloads: Query.workloads within one cluster (a filter naming other clusters finds none).
@Resolver(() => Cluster)
export class ClusterWorkloadsResolver {
  @FieldResolver(() => WorkloadConnection)
  workloads(
    @Root() cluster: RegisteredCluster,
    @Args(() => WorkloadsArgs) args: WorkloadsArgs,
    @Ctx() ctx: GatewayContext,
  ): Promise<Page<WorkloadRecord>> {
    return queryWorkloads(ctx, { ...args, clusters: [cluster.name] });
  }
}
