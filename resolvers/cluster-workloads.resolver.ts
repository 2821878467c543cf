import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import type { RegisteredCluster } from '../src/fleet/index.js';
import type { WorkloadRecord } from '../src/model/records.js';
import type { Page } from '../src/query/paginate.js';
import { queryWorkloads } from '../src/query/workloads.js';
import type { GatewayContext } from '../src/server/context.js';
import { Cluster } from '../schema/cluster.type.js';
import { WorkloadConnection } from '../schema/workload-connection.type.js';
import { WorkloadFilter } from '../schema/workload-filter.input.js';
import { WorkloadSort } from '../schema/workload-sort.input.js';

// Cluster.workloads: Query.workloads within one cluster (a filter naming other clusters finds none).
@Resolver(() => Cluster)
export class ClusterWorkloadsResolver {
  @FieldResolver(() => WorkloadConnection)
  workloads(
    @Root() cluster: RegisteredCluster,
    @Arg('filter', () => WorkloadFilter, { nullable: true }) filter: WorkloadFilter | null,
    @Arg('sort', () => [WorkloadSort], { nullable: true }) sort: WorkloadSort[] | null,
    @Arg('first', () => Int, { nullable: true }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Ctx() ctx: GatewayContext,
  ): Promise<Page<WorkloadRecord>> {
    return queryWorkloads(ctx, { clusters: [cluster.name], filter, sort, first, after });
  }
}
