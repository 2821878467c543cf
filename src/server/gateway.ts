import { createServer, type Server } from 'node:http';
import { ApolloServer, type ApolloServerOptionsWithSchema, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginInlineTraceDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import type { GraphQLSchema } from 'graphql';
import type { Config } from '../config/index.js';
import { createErrorFormatter } from '../errors/index.js';
import { auditMutations } from '../audit/index.js';
import type { Logger } from '../logging/index.js';
import { type ContextServices, createContextFactory, type GatewayContext } from './context.js';
import { attachWebSocket, type WebSocketEndpoint } from './websocket.js';
import { playground } from './playground.js';
import { jsonFallbacks, opsEndpoints, type GatewayPhase } from './ops-endpoints.js';
import { requestIds, requestObserver } from './request-observer.js';
import type { GatewayMetrics } from '../metrics/index.js';
import { setTimeout as sleep } from 'node:timers/promises';
import { startSupergraph } from './supergraph.js';
import { gatewayAccess, principalOfResponse } from './access.js';
import { guardRootFields } from '../auth/index.js';
import { DEFAULT_QUERY_LIMITS, createQueryGate, httpLimits, stringifyWithin, type QueryLimits } from '../limits/index.js';

export interface GatewayOptions {
  /** Where to listen; port 0 picks a free one (see Gateway.url). allowPrivilegedContainers defaults to false. */
  config: Pick<Config, 'host' | 'port' | 'clusterConcurrency'> & Partial<Pick<Config, 'allowPrivilegedContainers' | 'maxReplicas' | 'auth' | 'corsOrigins' | 'subgraphs'>> & {
    /** what one request may cost; each limit left out has its default (src/limits) */
    limits?: Partial<QueryLimits>;
  };
  logger: Logger;
  /**
   * From buildGatewaySchema(), or buildGatewaySubgraphSchema() to be a federation subgraph (which
   * supergraph mode, config.subgraphs, needs); given rather than built here so src/ stays clear of resolvers/.
   */
  schema: GraphQLSchema;
  /** What every request shares (startServices), started and stopped by the caller; `metrics` is served on /metrics. */
  services: ContextServices & { readonly metrics: GatewayMetrics };
  /** false turns per-request batching off; exists for benchmarks to compare. Default true. */
  batching?: boolean;
  /**
   * Shutdown: how long /readyz answers 503 before the listener closes, so load balancers stop
   * sending first (default 0), and how long in-flight requests may take after it (default 10 000 ms).
   */
  shutdown?: { delayMs?: number; graceMs?: number };
}

export interface Gateway {
  /** The GraphQL endpoint, for HTTP and (as ws://) for WebSocket. */
  readonly url: string;
  /** Stops taking requests, lets running ones finish, closes sockets. */
  stop(): Promise<void>;
}

const PATH = '/graphql';

/** Serves the schema over HTTP (Apollo on express) and WebSocket (graphql-ws) on one port. */
export async function startGateway({ config, logger, schema, services, batching, shutdown = {} }: GatewayOptions): Promise<Gateway> {
  // Before listening: a gateway that would let anyone in as ADMIN, or whose access table
  // misses a field, must not start at all.
  const access = gatewayAccess({ config, logger: logger.child({ component: 'access' }) });
  const guarded = guardRootFields(schema);
  const app = express();
  app.disable('x-powered-by');
  const { metrics } = services;
  let phase: GatewayPhase = 'starting';
  app.use(requestIds(), opsEndpoints({ phase: () => phase, metrics, origin: access.originOnly }));
  const httpServer = createServer(app);
  // Listen before anything else starts, so a busy port fails with nothing to undo;
  // until Apollo is mounted a few milliseconds later, requests get express's 404.
  await listen(httpServer, config);
  try {
    const policy = { allowPrivilegedContainers: config.allowPrivilegedContainers ?? false, maxReplicas: config.maxReplicas };
    const limits = { ...DEFAULT_QUERY_LIMITS, ...config.limits };
    const context = createContextFactory({ services, concurrency: config.clusterConcurrency, batching, policy, timeoutMs: limits.timeoutMs });
    const formatError = createErrorFormatter(logger.child({ component: 'gateway' }));
    // Every mutation is audited, over HTTP and WebSocket alike, refused ones included.
    const served = auditMutations(guarded, { logger: logger.child({ component: 'audit' }) });
    // Both transports refuse costly queries through one gate, before graphql-js validates them.
    const gate = createQueryGate({ schema: served, limits, clusters: () => services.registry.list().length });
    const observer = requestObserver({ logger: logger.child({ component: 'request' }), metrics });
    const ws = attachWebSocket({ server: httpServer, schema: served, context, formatError, path: PATH, gate, limits, access: access.ws, observe: observer.webSocket });
    const apolloOptions = { formatError, plugins: [...plugins(httpServer, ws, shutdown.graceMs), observer.plugin], stringifyResult: stringifyWithin(limits.maxResponseBytes) };
    // Supergraph mode: HTTP serves the composition of fleetgraph and the listed subgraphs, its queries held against the supergraph's schema.
    const { apollo, httpGate } = config.subgraphs?.length
      ? await startSupergraph({ subgraph: schema, served, subgraphs: config.subgraphs, url: endpointUrl(httpServer), logger, apollo: apolloOptions }).then(({ apollo, schema }) => ({
          apollo,
          httpGate: createQueryGate({ schema, limits, clusters: () => services.registry.list().length }),
        }))
      : { apollo: await startApollo({ schema: served, ...apolloOptions }), httpGate: gate };
    // Origin, Host and credentials first: a refused caller costs nothing more.
    app.use(PATH, observer.refusals, access.http, playground({ path: PATH }), ...httpLimits({ gate: httpGate, maxBodyBytes: limits.maxBodyBytes, formatError }), expressMiddleware(apollo, { context: async ({ res }) => context(principalOfResponse(res)) }));
    app.use(...jsonFallbacks({ onError: (err) => logger.error({ err }, 'request failed outside GraphQL') }));
    const unwatch = metrics.watch({
      clusters: () => services.registry.list().map(({ name, client }) => ({ name, probe: (signal: AbortSignal) => client.version(signal) })),
      streams: () => services.resourceEvents.streams(),
      operations: services.operationEvents,
    });
    phase = 'ready';
    const stop = async () => {
      // Readiness fails first; the listener stays open while load balancers notice.
      phase = 'stopping';
      if (shutdown.delayMs) await sleep(shutdown.delayMs);
      await apollo.stop();
      unwatch();
    };
    return { url: endpointUrl(httpServer), stop };
  } catch (err) {
    httpServer.close();
    throw err;
  }
}

async function startApollo(
  options: Pick<ApolloServerOptionsWithSchema<GatewayContext>, 'schema' | 'formatError' | 'plugins' | 'stringifyResult'>,
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

function plugins(httpServer: Server, ws: WebSocketEndpoint, graceMs = 10_000): ApolloServerPlugin<GatewayContext>[] {
  return [
    // Stopping Apollo stops new connections and closes the HTTP server once in-flight requests
    // finish, or after graceMs, when the ones still running are cut…
    ApolloServerPluginDrainHttpServer({ httpServer, stopGracePeriodMillis: graceMs }),
    // …and the WebSocket side with it.
    { serverWillStart: async () => ({ drainServer: () => ws.dispose() }) },
    // Browsers get GraphiQL from playground.ts, bundled; Apollo's landing page loads its CDN.
    ApolloServerPluginLandingPageDisabled(),
    // Served as a subgraph, Apollo would add timing traces for routers asking for them: not ours to give.
    ApolloServerPluginInlineTraceDisabled(),
    // The schema sets no cache hints, and the plugin wraps every field's resolver to collect
    // them: a warm query of 36,000 pods spent a tenth of its time there.
    ApolloServerPluginCacheControlDisabled(),
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
