import 'reflect-metadata';
import { GraphQLSchema, type GraphQLScalarType } from 'graphql';
import { buildSchema } from 'type-graphql';
import { ClusterResolver } from '../resolvers/cluster.resolver.js';
import { ClusterHostsResolver } from '../resolvers/cluster-hosts.resolver.js';
import { HostResolver } from '../resolvers/host.resolver.js';
import { NamespaceResolver } from '../resolvers/namespace.resolver.js';
import { PodResolver } from '../resolvers/pod.resolver.js';
import { EnvironmentResolver } from '../resolvers/environment.resolver.js';
import { ClusterEnvironmentsResolver } from '../resolvers/cluster-environments.resolver.js';
import { NamespaceEnvironmentResolver } from '../resolvers/namespace-environment.resolver.js';
import { NodeResolver } from '../resolvers/node.resolver.js';
import { MeResolver } from '../resolvers/me.resolver.js';
import { OperationResolver } from '../resolvers/operation.resolver.js';
import { WorkloadResolver } from '../resolvers/workload.resolver.js';
import { ClusterWorkloadsResolver } from '../resolvers/cluster-workloads.resolver.js';
import { UpgradeResolver } from '../resolvers/upgrade.resolver.js';
import { WorkloadEnvironmentResolver } from '../resolvers/workload-environment.resolver.js';
import { WorkloadMutationsResolver } from '../resolvers/workload-mutations.resolver.js';
import { HostMutationsResolver } from '../resolvers/host-mutations.resolver.js';
import { EnvironmentMutationsResolver } from '../resolvers/environment-mutations.resolver.js';
import { SubscriptionResolver } from '../resolvers/subscription.resolver.js';
import { createPubSub } from '@graphql-yoga/subscription';
import { OperationMutationsResolver } from '../resolvers/operation-mutations.resolver.js';
import { ClusterRegistrationResolver } from '../resolvers/cluster-registration.resolver.js';
import { AuditLogResolver } from '../resolvers/audit-log.resolver.js';
import { SummaryResolver } from '../resolvers/summary.resolver.js';
import { contractScalars, scalarsMap } from './scalars.js';

/**
 * The gateway's schema, built from the type-graphql classes. The server and
 * scripts/emit-schema.ts both call this, so what is served is what is emitted.
 * It lives beside the classes rather than in src/: it needs the resolvers, and src/ never imports them.
 */
export async function buildGatewaySchema(): Promise<GraphQLSchema> {
  const schema = await buildSchema({
    resolvers: [ClusterResolver, ClusterHostsResolver, HostResolver, PodResolver, NamespaceResolver, EnvironmentResolver, ClusterEnvironmentsResolver, NamespaceEnvironmentResolver, NodeResolver, MeResolver, OperationResolver, WorkloadResolver, ClusterWorkloadsResolver, UpgradeResolver, WorkloadEnvironmentResolver, WorkloadMutationsResolver, HostMutationsResolver, EnvironmentMutationsResolver, SubscriptionResolver, OperationMutationsResolver, ClusterRegistrationResolver, AuditLogResolver, SummaryResolver],
    scalarsMap,
    // type-graphql wants a pubSub once any @Subscription exists; ours bring their own
    // `subscribe` (src/events), so this one carries nothing.
    pubSub: createPubSub(),
    emitSchemaFile: false,
    // Inputs are checked by the engine where they are used, not by class-validator.
    validate: false,
  });
  return withScalars(schema, contractScalars);
}

// type-graphql emits only the types some field reaches; the contract's scalars are added by hand.
function withScalars(schema: GraphQLSchema, scalars: readonly GraphQLScalarType[]): GraphQLSchema {
  const config = schema.toConfig();
  const missing = scalars.filter((scalar) => !schema.getType(scalar.name));
  return new GraphQLSchema({ ...config, types: [...config.types, ...missing] });
}
