import { Arg, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import { BadUserInputError } from '../src/errors/index.js';
import { resolveClusters, type RegisteredCluster } from '../src/fleet/index.js';
import { parseEnvironmentName } from '../src/model/environment.js';
import type { EnvironmentRecord, WorkloadRecord } from '../src/model/records.js';
import { environmentWorkloadsFilter, filterEnvironments, readEnvironments } from '../src/query/environments.js';
import type { Page } from '../src/query/paginate.js';
import { queryWorkloads } from '../src/query/workloads.js';
import type { GatewayContext } from '../src/server/context.js';
import { Cluster } from '../schema/cluster.type.js';
import { EnvironmentFilter } from '../schema/environment-filter.input.js';
import { Environment } from '../schema/environment.type.js';
import { WorkloadConnection } from '../schema/workload-connection.type.js';
import { WorkloadFilter } from '../schema/workload-filter.input.js';

// Roots are EnvironmentRecords, grouped from every cluster's one namespace list of the
// request. A cluster that cannot be read is recorded in ctx.clusterErrors and left out.
@Resolver(() => Environment)
export class EnvironmentResolver {
  @Query(() => [Environment])
  async environments(
    @Arg('filter', () => EnvironmentFilter, { nullable: true }) filter: EnvironmentFilter | null,
    @Ctx() ctx: GatewayContext,
  ): Promise<EnvironmentRecord[]> {
    resolveClusters({ known: ctx.registry.list(), names: filter?.clusters, field: 'filter.clusters' });
    return filterEnvironments((await readEnvironments(ctx)).all, filter);
  }

  /** null when no cluster holds it; a name not of the org:env form is the caller's mistake. */
  @Query(() => Environment, { nullable: true })
  async environment(@Arg('name', () => String) name: string, @Ctx() ctx: GatewayContext): Promise<EnvironmentRecord | null> {
    if (!parseEnvironmentName(name)) throw new BadUserInputError(`name: "${name}" is not an environment name of the org:env form`);
    return (await readEnvironments(ctx)).byName(name) ?? null;
  }

  /** The clusters holding its namespace, by name; one unregistered while the request ran is left out. */
  @FieldResolver(() => [Cluster])
  clusters(@Root() environment: EnvironmentRecord, @Ctx() ctx: GatewayContext): RegisteredCluster[] {
    return environment.clusters.flatMap((name) => ctx.registry.get(name) ?? []);
  }

  /** The workloads in its namespace in each of its clusters, narrowed by the filter, in the default workload order. */
  @FieldResolver(() => WorkloadConnection)
  workloads(
    @Root() environment: EnvironmentRecord,
    @Arg('filter', () => WorkloadFilter, { nullable: true }) filter: WorkloadFilter | null,
    @Arg('first', () => Int, { nullable: true }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Ctx() ctx: GatewayContext,
  ): Promise<Page<WorkloadRecord>> {
    return queryWorkloads(ctx, { clusters: environment.clusters, filter: environmentWorkloadsFilter(environment, filter), first, after });
  }
}
