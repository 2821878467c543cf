import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { EnvironmentRecord, NamespaceRecord } from '../src/model/records.js';
import { readEnvironments } from '../src/query/environments.js';
import type { GatewayContext } from '../src/server/context.js';
import { Environment } from '../schema/environment.type.js';
import { Namespace } from '../schema/namespace.type.js';

@Resolver(() => Namespace)
export class NamespaceEnvironmentResolver {
  /** The environment this namespace backs, or null; the fleet is read only for one that names one. */
  @FieldResolver(() => Environment, { nullable: true })
  async environment(@Root() namespace: NamespaceRecord, @Ctx() ctx: GatewayContext): Promise<EnvironmentRecord | null> {
    if (namespace.environment === null) return null;
    return (await readEnvironments(ctx)).backedBy(namespace.cluster, namespace.name) ?? null;
  }
}
