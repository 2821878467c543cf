import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { NotFoundError } from '../src/errors/index.js';
import type { RegisteredCluster } from '../src/fleet/index.js';
import { toLabelList } from '../src/model/labels.js';
import type { NamespaceRecord } from '../src/model/records.js';
import type { GatewayContext } from '../src/server/context.js';
import { Cluster } from '../schema/cluster.type.js';
import { Label } from '../schema/label.type.js';
import { Namespace } from '../schema/namespace.type.js';

// Roots are NamespaceRecords. Namespace.environment is resolved by the environments part.
@Resolver(() => Namespace)
export class NamespaceResolver {
  @FieldResolver(() => Cluster)
  cluster(@Root() namespace: NamespaceRecord, @Ctx() ctx: GatewayContext): RegisteredCluster {
    const cluster = ctx.registry.get(namespace.cluster);
    // Only when the cluster was unregistered while this request ran.
    if (!cluster) throw new NotFoundError(`no cluster named ${namespace.cluster}`);
    return cluster;
  }

  @FieldResolver(() => [Label])
  labels(@Root() namespace: NamespaceRecord): Label[] {
    return toLabelList(namespace.labels);
  }
}
