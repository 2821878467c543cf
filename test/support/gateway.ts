// A gateway in this process against a simulated fleet in this process, for end-to-end tests:
// real HTTP to the gateway, real Kubernetes HTTP from the gateway to the simulator.
import type { FormattedExecutionResult, GraphQLSchema } from 'graphql';
import { buildGatewaySchema } from '../../schema/build-schema.js';
import { createHash, randomBytes } from 'node:crypto';
import type { Role } from '../../src/auth/index.js';
import { embeddedSource } from '../../src/fleet/index.js';
import type { AuthSettings } from '../../src/config/index.js';
import { createLogger, type Logger } from '../../src/logging/index.js';
import { startGateway } from '../../src/server/gateway.js';
import type { OperationEvents } from '../../src/operations/events.js';
import type { OperationRunnerOptions } from '../../src/operations/index.js';
import { startServices } from '../../src/server/services.js';
import { type GatewayStore, createEmbeddedStore } from '../../src/store/index.js';
import { startSimFleet, type SimFleet, type SimFleetOptions } from '../../src/sim/fleet.js';
import type { WatchEngine, WatchEngineOptions } from '../../src/events/index.js';
import type { QueryLimits } from '../../src/limits/index.js';
import WebSocket from 'ws';
import { type FleetgraphClient, createFleetgraphClient } from '../../src/client/index.js';
import { until } from './wait.js';

export type GraphQLResponse<T = Record<string, unknown>> = FormattedExecutionResult<T>;

export interface TestGateway {
  readonly url: string;
  readonly fleet: SimFleet;
  /** the gateway's store (operations, audit) */
  readonly store: GatewayStore;
  /** what the operation runner publishes */
  readonly operationEvents: OperationEvents;
  /** the watch engine behind resourceChanged */
  readonly resourceEvents: WatchEngine;
  /** POSTs a query (with `Authorization: Bearer <token>` when a token is given); resolves with the whole response (data and errors) */
  query<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>, options?: { token?: string }): Promise<GraphQLResponse<T>>;
  /** the typed client of this gateway (HTTP and graphql-ws), as the test principal unless a token is given; the caller disposes it when it subscribed */
  client(options?: { token?: string }): FleetgraphClient;
  /** the simulator's request counts, summed over clusters, for verbs starting `list`/`get` */
  kubeRequests(): Record<string, number>;
  /** kubeRequests without watches: a watch is the read cache's upkeep (it resumes whenever the server ends it), not a query's cost. */
  kubeReads(): Record<string, number>;
  resetCounters(): void;
  /**
   * Empties the read cache and waits until the watches it held have stopped, then resets the
   * counters: the next query reads as the first one after start does.
   */
  coldCache(): Promise<void>;
  /**
   * Takes a simulated cluster down and waits until the gateway's watches of it have noticed:
   * from then on its reads go to the cluster (and fail) instead of the cache.
   */
  down(cluster: string): Promise<void>;
  stop(): Promise<void>;
  /** stops as a crash would: the runner's leases are kept until they expire */
  crash(): Promise<void>;
}

export interface TestGatewayOptions extends SimFleetOptions {
  /** per-call timeout to each cluster; default 2000 ms */
  timeoutMs?: number;
  batching?: boolean;
  /** the gateway's CACHE_IDLE_SECONDS; default the gateway's */
  cacheIdleSeconds?: number;
  /** the gateway's ALLOW_PRIVILEGED_CONTAINERS; default false */
  allowPrivilegedContainers?: boolean;
  /** the gateway's MAX_REPLICAS; default 10,000 */
  maxReplicas?: number;
  /** a fleet already running, left running by stop(); default a new one (options above), stopped by stop() */
  fleet?: SimFleet;
  /** a store already open, left open by stop(); default a new in-memory embedded one, closed by stop() */
  store?: GatewayStore;
  /** the operation runner's poll interval (default 20 ms), host restart timeout (default 600 s), lease (default 30 s) */
  operations?: Partial<Pick<OperationRunnerOptions, 'pollMs' | 'hostTimeoutSeconds' | 'leaseMs' | 'idempotencyKeyTtlMs' | 'owner'>>;
  /** the watch engine's options; default backoff 20 ms to 500 ms, linger 30 s */
  watch?: Omit<WatchEngineOptions, 'registry' | 'logger'>;
  /** the access file's settings (FLEETGRAPH_AUTH_FILE); default none: every caller is the ADMIN `local` */
  auth?: AuthSettings;
  /** FLEETGRAPH_CORS_ORIGINS; default none */
  corsOrigins?: readonly string[];
  /** where the gateway logs; default nowhere */
  logger?: Logger;
  /**
   * who every request runs as unless a query names a token: a token for this principal is made
   * and the access file holds it alone (default: no access file, every caller the ADMIN `local`)
   */
  principal?: { name: string; roles: readonly Role[] };
  /** what one request may cost; default the gateway's defaults (src/limits) */
  limits?: Partial<QueryLimits>;
  /** the schema served; default the plain one, buildGatewaySchema() */
  schema?: GraphQLSchema;
}

export async function startTestGateway({ timeoutMs = 2000, batching, cacheIdleSeconds, allowPrivilegedContainers, maxReplicas, fleet: givenFleet, store: givenStore, operations = {}, watch = {}, auth: givenAuth, corsOrigins, logger: givenLogger, principal, limits, schema, ...fleetOptions }: TestGatewayOptions = {}): Promise<TestGateway> {
  const fleet = givenFleet ?? (await startSimFleet({ clusters: 3, ...fleetOptions }));
  const store = givenStore ?? createEmbeddedStore({ inMemoryOnly: true });
  const logger = createLogger({ level: 'silent' });
  const services = await startServices({
    config: { cacheIdleSeconds },
    logger,
    overrides: {
      store,
      clusters: embeddedSource(fleet.kubeconfig(), { timeoutMs }),
      // No linger: a watch nobody holds stops at once, so coldCache() is quick.
      watch: { backoff: { baseMs: 20, maxMs: 500 }, lingerMs: 0, ...watch },
      runner: { ...operations, pollMs: operations.pollMs ?? 20 },
    },
  });
  const own = principal && tokenFor(principal);
  const auth = own ? { tokens: [own.entry] } : givenAuth;
  const stopServices = async ({ keepLeases = false } = {}) => {
    await services.stop({ keepLeases });
    if (!givenStore) await store.close();
    if (!givenFleet) await fleet.stop();
  };
  const gateway = await startGateway({
    config: { host: '127.0.0.1', port: 0, clusterConcurrency: 8, allowPrivilegedContainers, maxReplicas, limits, auth, corsOrigins },
    logger: givenLogger ?? logger,
    schema: schema ?? (await buildGatewaySchema()),
    services,
    batching,
  }).catch(async (err: unknown) => {
    await stopServices();
    throw err;
  });
  const stop = async (options?: { keepLeases?: boolean }) => {
    await gateway.stop();
    await stopServices(options);
  };
  const kubeRequests = (): Record<string, number> => {
    const sum: Record<string, number> = {};
    for (const c of fleet.clusters) {
      for (const [key, n] of Object.entries(c.counters.snapshot())) sum[key] = (sum[key] ?? 0) + n;
    }
    return sum;
  };
  return {
    url: gateway.url,
    fleet,
    store,
    operationEvents: services.operationEvents,
    resourceEvents: services.resourceEvents,
    async query<T>(query: string, variables?: Record<string, unknown>, { token = own?.token }: { token?: string } = {}): Promise<GraphQLResponse<T>> {
      const response = await fetch(gateway.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token === undefined ? {} : { authorization: `Bearer ${token}` }) },
        body: JSON.stringify({ query, variables }),
      });
      return (await response.json()) as GraphQLResponse<T>;
    },
    client: ({ token = own?.token }: { token?: string } = {}) => createFleetgraphClient({ url: gateway.url, token, webSocketImpl: WebSocket }),
    kubeRequests,
    kubeReads: () => Object.fromEntries(Object.entries(kubeRequests()).filter(([request]) => !request.startsWith('watch '))),
    resetCounters: () => fleet.clusters.forEach((c) => c.counters.reset()),
    async down(cluster) {
      await fleet.cluster(cluster).down();
      const watches = () => services.resourceEvents.streams().filter((s) => s.cluster === cluster);
      await until(() => watches().every((s) => !s.healthy), `the watches of ${cluster} to notice it is down`);
    },
    async coldCache() {
      services.cache.clear();
      await until(() => services.resourceEvents.streams().every((s) => s.subscribers > 0), 'the released watches to stop');
      fleet.clusters.forEach((c) => c.counters.reset());
    },
    stop: () => stop(),
    crash: () => stop({ keepLeases: true }),
  };
}

/** A random token for `principal`, and the access-file entry that holds its hash. */
function tokenFor({ name, roles }: { name: string; roles: readonly Role[] }): { token: string; entry: AuthSettings['tokens'][number] } {
  const token = randomBytes(24).toString('base64url');
  return { token, entry: { name, roles, sha256: createHash('sha256').update(token).digest('hex') } };
}
