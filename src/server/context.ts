import { LOCAL_PRINCIPAL, type Principal } from '../auth/index.js';
import { scopedOperationEvents, scopedOperations, scopedReader, scopedRegistry, scopedRunner, scopedWatchEngine } from '../views/index.js';
import { ClusterErrors } from '../errors/cluster-errors.js';
import { type ClusterHealth, type ClusterRegistry, type RegisteredCluster, createLimiter, healthFrom } from '../fleet/index.js';
import type { ClusterRegistration } from '../registration/index.js';
import { createFleetReader } from '../loaders/index.js';
import type { OperationReader } from '../operations/index.js';
import { createStoreOperationReader } from '../operations/store-reader.js';
import { type GatewayStore, createEmbeddedStore } from '../store/index.js';
import { type OperationEvents, createOperationEvents } from '../operations/events.js';
import { DEFAULT_QUEUE_LIMIT, type WatchEngine } from '../events/index.js';
import type { OperationRunner } from '../operations/runner.js';
import { DEFAULT_QUERY_LIMITS, startDeadline } from '../limits/index.js';
import type { RequestScope } from '../request/request-scope.js';

/** What every resolver receives; one is built per request (per operation over WebSocket). */
export interface GatewayContext extends RequestScope {
  /** Aborted once this operation has run QUERY_TIMEOUT_MS (src/limits); the reader's calls stop then. */
  readonly signal: AbortSignal;
  /** This request's view of a cluster: probed once, then shared by every field that asks. Never rejects. */
  clusterHealth(cluster: RegisteredCluster): Promise<ClusterHealth>;
  /** Operations, shared by every request of one gateway. */
  readonly operations: OperationReader;
  /** What the gateway keeps (registered clusters, operations, audit), shared by every request. */
  readonly store: GatewayStore;
  /** registerCluster / unregisterCluster; one per gateway. */
  readonly clusterRegistration: ClusterRegistration;
  /** What the gateway lets mutations do, from its config; the same for every request. */
  readonly policy: GatewayPolicy;
  /** Live changes to the fleet's resources (resourceChanged), shared by every request of one gateway. */
  readonly resourceEvents: WatchEngine;
  /** Every operation's state changes: the operations engine publishes, operationUpdated listens. One per gateway. */
  readonly operationEvents: OperationEvents;
  /** Runs long-running operations (rolloutImage, restartHosts...) in the background. One per gateway. */
  readonly operationRunner: OperationRunner;
  /**
   * Starts this context's reads afresh: reader, health probes and cluster errors. A subscription
   * has one context for all its events, and calls this before each so that nested fields of
   * an event (Workload.pods) read the fleet as it is then, not as it was at the first event.
   */
  renew(): void;
}

/** What mutations may do on this gateway. */
export interface GatewayPolicy {
  /** ALLOW_PRIVILEGED_CONTAINERS: deployWorkload accepts pods beyond the Pod Security baseline. Default false. */
  readonly allowPrivilegedContainers: boolean;
  /** MAX_REPLICAS: the most replicas scaleWorkload and deployWorkload accept. Default 10,000. */
  readonly maxReplicas?: number;
}

export interface ContextFactoryOptions {
  registry: ClusterRegistry;
  /** cluster calls under way at once within one request; default 8 */
  concurrency?: number;
  /** false sends every read to the clusters unbatched and uncached: for benchmarks only. Default true. */
  batching?: boolean;
  /** default: an embedded in-memory store, empty, made once per factory (for tests) */
  store?: GatewayStore;
  /** where operations are read; default the store's operations */
  operations?: OperationReader;
  /** default: none; registerCluster and unregisterCluster then fail */
  clusterRegistration?: ClusterRegistration;
  /** default: nothing privileged allowed */
  policy?: GatewayPolicy;
  /** default: none; subscribing to resource changes then fails */
  resourceEvents?: WatchEngine;
  /** default: a new instance, made once per factory */
  operationEvents?: OperationEvents;
  /** default: none; operation mutations then fail */
  operationRunner?: OperationRunner;
  /** QUERY_TIMEOUT_MS: how long one operation (or one subscription event) may read the fleet; default 30 000 */
  timeoutMs?: number;
}

const NO_OPERATION_RUNNER: OperationRunner = {
  submit: () => Promise.reject(new Error('this gateway was built without an operation runner')),
  cancel: () => Promise.reject(new Error('this gateway was built without an operation runner')),
  stop: async () => {},
  hostTimeoutSeconds: 600,
};

const NO_CLUSTER_REGISTRATION: ClusterRegistration = {
  register: () => Promise.reject(new Error('this gateway was built without cluster registration')),
  unregister: () => Promise.reject(new Error('this gateway was built without cluster registration')),
  restore: async () => {},
};

const NO_RESOURCE_EVENTS: WatchEngine = {
  subscribe: () => {
    throw new Error('this gateway was built without a watch engine');
  },
  queueLimit: DEFAULT_QUEUE_LIMIT,
  streams: () => [],
  stop: async () => {},
};

/**
 * Builds the per-request context for a principal (default LOCAL_PRINCIPAL, as a gateway without
 * an access file has). Loaders and memos live here, not at module scope, so one request never
 * sees another's answers and nothing goes stale between requests. Registry, reads, events and
 * operations are the principal's views of them (src/views), so no resolver filters by scope.
 */
export function createContextFactory({
  registry,
  concurrency = 8,
  batching = true,
  store = createEmbeddedStore({ inMemoryOnly: true }),
  operations = createStoreOperationReader({ operations: store.operations }),
  clusterRegistration = NO_CLUSTER_REGISTRATION,
  policy = { allowPrivilegedContainers: false },
  resourceEvents = NO_RESOURCE_EVENTS,
  operationEvents = createOperationEvents(),
  operationRunner = NO_OPERATION_RUNNER,
  timeoutMs = DEFAULT_QUERY_LIMITS.timeoutMs,
}: ContextFactoryOptions): (principal?: Principal) => GatewayContext {
  return (principal = LOCAL_PRINCIPAL) => {
    const visible = scopedRegistry(registry, principal.scope);
    const newReader = (signal: AbortSignal) =>
      scopedReader(createFleetReader({ registry: visible, batching, limit: createLimiter(concurrency), signal }), principal.scope);
    let signal = startDeadline(timeoutMs);
    let reader = newReader(signal);
    let probes = new Map<string, Promise<ClusterHealth>>();
    let clusterErrors = new ClusterErrors();
    return {
      registry: visible,
      get reader() {
        return reader;
      },
      get clusterErrors() {
        return clusterErrors;
      },
      get signal() {
        return signal;
      },
      renew() {
        signal = startDeadline(timeoutMs);
        reader = newReader(signal);
        probes = new Map();
        clusterErrors = new ClusterErrors();
      },
      resourceEvents: scopedWatchEngine(resourceEvents, principal.scope),
      operationEvents: scopedOperationEvents(operationEvents, principal),
      operationRunner: scopedRunner(operationRunner, principal, operations),
      principal,
      operations: scopedOperations(operations, principal),
      store,
      clusterRegistration,
      policy,
      clusterHealth(cluster) {
        let probe = probes.get(cluster.name);
        if (!probe) {
          // The node list is the one hosts fields use too: a probe adds only /version.
          probe = Promise.allSettled([
            cluster.client.version(),
            reader.list(cluster.name, 'Node').then((items) => ({ items: [...items] })),
          ]).then(([version, nodes]) => healthFrom(version, nodes));
          probes.set(cluster.name, probe);
        }
        return probe;
      },
    };
  };
}
