import 'reflect-metadata';
import { GraphQLSchema, type GraphQLScalarType } from 'graphql';
import { buildSchema } from 'type-graphql';
import { ClusterResolver } from '../resolvers/cluster.resolver.js';
import { contractScalars, scalarsMap } from './scalars.js';

/**
 * The gateway's schema, built from the type-graphql classes. The server and
 * scripts/emit-schema.ts both call this, so what is served is what is emitted.
 * It lives beside the classes rather than in src/: it needs the resolvers, and src/ never imports them.
 */
export async function buildGatewaySchema(): Promise<GraphQLSchema> {
  const schema = await buildSchema({
    resolvers: [ClusterResolver],
    scalarsMap,
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
