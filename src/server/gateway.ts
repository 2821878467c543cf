import { createServer, type Server } from 'node:http';
import { ApolloServer, type ApolloServerOptionsWithSchema, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import type { GraphQLSchema } from 'graphql';
import type { Config } from '../config/index.js';
import { createErrorFormatter } from '../errors/index.js';
import type { ClusterRegistry } from '../fleet/index.js';
import type { Logger } from '../logging/index.js';
import { createContextFactory, type GatewayContext } from './context.js';
import { attachWebSocket, type WebSocketEndpoint } from './websocket.js';

export interface GatewayOptions {
  /** Where to listen; port 0 picks a free one (see Gateway.url). */
  config: Pick<Config, 'host' | 'port' | 'clusterConcurrency'>;
  logger: Logger;
  /** From buildGatewaySchema(); given rather than built here so src/ stays clear of resolvers/. */
  schema: GraphQLSchema;
  registry: ClusterRegistry;
  /** false turns per-request batching off; exists for benchmarks to compare. Default true. */
  batching?: boolean;
}

export interface Gateway {
  /** The GraphQL endpoint, for HTTP and (as ws://) for WebSocket. */
  readonly url: string;
  /** Stops taking requests, lets running ones finish, closes sockets. */
  stop(): Promise<void>;
}

const PATH = '/graphql';

/** Serves the schema over HTTP (Apollo on express) and WebSocket (graphql-ws) on one port. */
export async function startGateway({ config, logger, schema, registry, batching }: GatewayOptions): Promise<Gateway> {
  const app = express();
  const httpServer = createServer(app);
  // Listen before anything else starts, so a busy port fails with nothing to undo;
  // until Apollo is mounted a few milliseconds later, requests get express's 404.
  await listen(httpServer, config);
  try {
    const context = createContextFactory({ registry, concurrency: config.clusterConcurrency, batching });
    const formatError = createErrorFormatter(logger.child({ component: 'gateway' }));
    const ws = attachWebSocket({ server: httpServer, schema, context, formatError, path: PATH });
    const apollo = await startApollo({ schema, formatError, plugins: plugins(httpServer, ws) });
    app.use(PATH, express.json(), expressMiddleware(apollo, { context: async () => context() }));
    return { url: endpointUrl(httpServer), stop: () => apollo.stop() };
  } catch (err) {
    httpServer.close();
    throw err;
  }
}

async function startApollo(
  options: Pick<ApolloServerOptionsWithSchema<GatewayContext>, 'schema' | 'formatError' | 'plugins'>,
): Promise<ApolloServer<GatewayContext>> {
  const apollo = new ApolloServer<GatewayContext>({
    ...options,
    introspection: true,
    includeStacktraceInErrorResponses: false,
    // Whoever started the gateway stops it, in order; Apollo would otherwise stop
    // itself on SIGINT/SIGTERM and re-raise the signal, killing the process mid-shutdown.
    stopOnTerminationSignals: false,
  });
  await apollo.start();
  return apollo;
}

function plugins(httpServer: Server, ws: WebSocketEndpoint): ApolloServerPlugin<GatewayContext>[] {
  return [
    // Stopping Apollo closes the HTTP server once in-flight requests finish…
    ApolloServerPluginDrainHttpServer({ httpServer }),
    // …and the WebSocket side with it.
    { serverWillStart: async () => ({ drainServer: () => ws.dispose() }) },
    // GET /graphql from a browser shows Apollo Sandbox against this endpoint.
    ApolloServerPluginLandingPageLocalDefault({ embed: true }),
    clusterErrorsPlugin,
  ];
}

// Clusters that failed part of a request are reported beside the data of the others.
const clusterErrorsPlugin: ApolloServerPlugin<GatewayContext> = {
  async requestDidStart() {
    return {
      async willSendResponse({ contextValue, response }) {
        const failed = contextValue.clusterErrors.list();
        if (failed.length === 0 || response.body.kind !== 'single') return;
        const result = response.body.singleResult;
        result.errors = [...(result.errors ?? []), ...failed.map((e) => e.toJSON())];
      },
    };
  },
};

function listen(server: Server, { host, port }: Pick<Config, 'host' | 'port'>): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

function endpointUrl(server: Server): string {
  const bound = server.address();
  if (bound === null || typeof bound === 'string') throw new Error('the gateway is not listening on a TCP port');
  const host = bound.family === 'IPv6' ? `[${bound.address}]` : bound.address;
  return `http://${host}:${bound.port}${PATH}`;
}
