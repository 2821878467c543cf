import { buildSubgraphSchema, printSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLSchema } from 'graphql';
import { createResolversMap } from 'type-graphql';
import { entityKeys, resolveReference, subgraphTypeDefs, type Representation } from '../src/federation/index.js';
import type { GatewayContext } from '../src/server/context.js';
import { buildGatewaySchema } from './build-schema.js';

type ResolverMap = Parameters<typeof buildSubgraphSchema>[0] extends infer M ? Extract<M, { resolvers?: unknown }>['resolvers'] : never;

/**
 * The gateway's schema as an Apollo Federation 2 subgraph (`_service`, `_entities`, `@key`s:
 * src/federation): what the server serves, and what scripts/emit-schema.ts writes to
 * schema/subgraph.graphql. The same resolvers as the plain schema, which stays as it is.
 */
export async function buildGatewaySubgraphSchema(plain?: GraphQLSchema): Promise<GraphQLSchema> {
  const schema = plain ?? (await buildGatewaySchema());
  const references = Object.fromEntries(
    [...entityKeys(schema).keys()].map((type) => [type, { __resolveReference: (reference: Representation, ctx: GatewayContext) => ownCopy(resolveReference(ctx, reference)) }]),
  );
  const resolvers = createResolversMap(schema) as Record<string, Record<string, unknown>>;
  for (const [type, reference] of Object.entries(references)) resolvers[type] = { ...resolvers[type], ...reference };
  return buildSubgraphSchema({ typeDefs: subgraphTypeDefs(schema), resolvers: resolvers as ResolverMap });
}

/** The subgraph's SDL as `_service { sdl }` answers it: federation directives in, federation types out. */
export function printGatewaySubgraph(subgraph: GraphQLSchema): string {
  return printSubgraphSchema(subgraph);
}

// @apollo/subgraph tags what __resolveReference returns with its __typename; records are
// frozen and shared by requests (src/model/per-object.ts), so it gets a copy of its own.
async function ownCopy<T extends object>(root: Promise<T | null>): Promise<T | null> {
  const resolved = await root;
  return resolved && { ...resolved };
}
