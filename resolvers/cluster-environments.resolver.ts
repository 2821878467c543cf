import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { RegisteredCluster } from '../src/fleet/index.js';
import type { EnvironmentRecord } from '../src/model/records.js';
import { filterEnvironments, readEnvironments } from '../src/query/environments.js';
import type { GatewayContext } from '../src/server/context.js';
import { Cluster } from '../schema/cluster.type.js';
import { Environment } from '../schema/environment.type.js';

@Resolver(() => Cluster)
export class ClusterEnvironmentsResolver {
  /** The environments this cluster holds a namespace of, by name; none while it is unreachable. */
  @FieldResolver(() => [Environment])
  async environments(@Root() cluster: RegisteredCluster, @Ctx() ctx: GatewayContext): Promise<EnvironmentRecord[]> {
    return filterEnvironments((await readEnvironments(ctx)).all, { clusters: [cluster.name] });
  }
}
