// Supergraph mode (FLEETGRAPH_SUBGRAPHS_FILE): fleetgraph as the gateway of a small supergraph.
// At start @apollo/gateway reads each listed subgraph's SDL (`_service { sdl }`) and fleetgraph's
// own, composes them, and serves the result on /graphql. Fleetgraph's part of each query runs in
// this process on the schema it serves alone, with the request's context: the same principal,
// access checks, audit, loaders and deadline. The other subgraphs are called over HTTP with the
// headers the file names for them. Subscriptions are not the supergraph's: graphql-ws on the same
// URL keeps serving fleetgraph's own schema (src/server/websocket.ts).
import { ApolloServer, type ApolloServerOptionsWithGateway } from '@apollo/server';
import { ApolloGateway, IntrospectAndCompose, LocalGraphQLDataSource, RemoteGraphQLDataSource, type GraphQLDataSource } from '@apollo/gateway';
import type { GraphQLSchema } from 'graphql';
import { OWN_SUBGRAPH_NAME, type SubgraphConfig } from '../config/index.js';
import { forwardedHeaders } from '../federation/index.js';
import type { Logger } from '../logging/index.js';
import type { GatewayContext } from './context.js';

export interface SupergraphOptions {
  /** fleetgraph's own subgraph schema (buildGatewaySubgraphSchema()), as built: its SDL is read from it at start */
  subgraph: GraphQLSchema;
  /** the same schema as served alone (access checks, audit): fleetgraph's part of every query runs on it */
  served: GraphQLSchema;
  /** the other subgraphs, from FLEETGRAPH_SUBGRAPHS_FILE */
  subgraphs: readonly SubgraphConfig[];
  /** fleetgraph's own endpoint, the URL its subgraph has in the supergraph (never called: it runs in process) */
  url: string;
  logger: Logger;
  /** what Apollo is given besides the gateway, as in single-schema mode */
  apollo: Pick<ApolloServerOptionsWithGateway<GatewayContext>, 'formatError' | 'plugins' | 'stringifyResult'>;
}

export interface Supergraph {
  /** started: the composition succeeded */
  readonly apollo: ApolloServer<GatewayContext>;
  /** the supergraph's API schema, what clients query over HTTP (the query gate holds queries against it) */
  readonly schema: GraphQLSchema;
}

/** The supergraph could not be built at start: a subgraph did not answer, or the subgraphs do not compose. */
export class SupergraphError extends Error {
  override readonly name = 'SupergraphError';
}

/**
 * Composes fleetgraph with the listed subgraphs and starts Apollo on the supergraph.
 * @throws SupergraphError with the composition's messages (or the unreachable subgraph's) when it fails
 */
export async function startSupergraph({ subgraph, served, subgraphs, url, logger, apollo: options }: SupergraphOptions): Promise<Supergraph> {
  const log = logger.child({ component: 'supergraph' });
  const headersOf = new Map(subgraphs.map((s) => [s.name, s.headers]));
  const gateway = new ApolloGateway({
    logger: apolloLogger(log),
    supergraphSdl: new IntrospectAndCompose({ subgraphs: [{ name: OWN_SUBGRAPH_NAME, url }, ...subgraphs.map(({ name, url }) => ({ name, url }))] }),
    buildService: ({ name, url }) => (name === OWN_SUBGRAPH_NAME ? ownDataSource(subgraph, served) : remoteDataSource(url!, headersOf.get(name) ?? [])),
  });
  let schema: GraphQLSchema | undefined;
  gateway.onSchemaLoadOrUpdate(({ apiSchema }) => {
    schema = apiSchema;
  });
  const apollo = new ApolloServer<GatewayContext>({
    ...options,
    gateway,
    introspection: true,
    includeStacktraceInErrorResponses: false,
    // As in single-schema mode: whoever started the gateway stops it.
    stopOnTerminationSignals: false,
  });
  try {
    await apollo.start();
  } catch (err) {
    throw new SupergraphError(`FLEETGRAPH_SUBGRAPHS_FILE: the supergraph could not be built: ${err instanceof Error ? err.message : String(err)}`);
  }
  if (!schema) throw new SupergraphError('FLEETGRAPH_SUBGRAPHS_FILE: the supergraph was composed but its schema never loaded');
  log.info({ subgraphs: [OWN_SUBGRAPH_NAME, ...subgraphs.map((s) => s.name)] }, 'serving the supergraph');
  return { apollo, schema };
}

// GraphQLDataSourceRequestKind, a CommonJS re-export, cannot be imported by name from ESM: an
// incoming operation is told apart by what only it carries, the caller's request.

/**
 * Fleetgraph's own subgraph, in process. Loading the SDL at start runs on the schema as built (no
 * caller, no token: it is what schema/subgraph.graphql shows anyway); a query's part runs on the
 * served schema with the incoming request's context, so access control applies as without a supergraph.
 */
function ownDataSource(subgraph: GraphQLSchema, served: GraphQLSchema): GraphQLDataSource<GatewayContext> {
  const sdl = new LocalGraphQLDataSource<GatewayContext>(subgraph);
  const queries = new LocalGraphQLDataSource<GatewayContext>(served);
  return { process: (options) => ('incomingRequestContext' in options ? queries : sdl).process(options) };
}

/** Another subgraph over HTTP, sent the caller's headers that the file names for it, and no others. */
function remoteDataSource(url: string, headers: readonly string[]): GraphQLDataSource<GatewayContext> {
  return new RemoteGraphQLDataSource<GatewayContext>({
    url,
    willSendRequest(options) {
      // Only a caller's operation has headers to pass on (loading the SDL and health checks have none).
      if (!('incomingRequestContext' in options)) return;
      for (const [name, value] of forwardedHeaders(options.incomingRequestContext.request.http?.headers, headers)) options.request.http?.headers.set(name, value);
    },
  });
}

function apolloLogger(log: Logger) {
  const text = (message: unknown) => (message instanceof Error ? message.message : String(message));
  return {
    debug: (message?: unknown) => log.debug(text(message)),
    info: (message?: unknown) => log.info(text(message)),
    warn: (message?: unknown) => log.warn(text(message)),
    error: (message?: unknown) => log.error(text(message)),
  };
}
