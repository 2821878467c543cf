import { LOCAL_PRINCIPAL, type Principal } from '../auth/index.js';
import { scopedOperationEvents, scopedOperations, scopedReader, scopedRegistry, scopedRunner, scopedWatchEngine } from '../views/index.js';
import { ClusterErrors } from '../errors/cluster-errors.js';
import { type ClusterHealth, type RegisteredCluster, createLimiter, healthFrom } from '../fleet/index.js';
import type { ClusterRegistration } from '../registration/index.js';
import { createFleetReader } from '../loaders/index.js';
import type { OperationReader } from '../operations/index.js';
import type { GatewayStore } from '../store/index.js';
import type { OperationEvents } from '../operations/events.js';
import type { WatchEngine } from '../events/index.js';
import type { OperationRunner } from '../operations/runner.js';
import { DEFAULT_QUERY_LIMITS, startDeadline } from '../limits/index.js';
import type { RequestScope } from '../request/request-scope.js';
import type { GatewayServices } from './services.js';

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

/** The gateway-wide services a request's context is built on (src/server/services.ts). */
export type ContextServices = Pick<GatewayServices, 'registry' | 'store' | 'operations' | 'clusterRegistration' | 'resourceEvents' | 'operationEvents' | 'operationRunner'> &
  Partial<Pick<GatewayServices, 'cache'>>;

export interface ContextFactoryOptions {
  services: ContextServices;
  /** cluster calls under way at once within one request; default 8 */
  concurrency?: number;
  /** false sends every read to the clusters unbatched and uncached (no watch cache either): for benchmarks only. Default true. */
  batching?: boolean;
  /** default: nothing privileged allowed */
  policy?: GatewayPolicy;
  /** QUERY_TIMEOUT_MS: how long one operation (or one subscription event) may read the fleet; default 30 000 */
  timeoutMs?: number;
}

/**
 * Builds the per-request context for a principal (default LOCAL_PRINCIPAL, as a gateway without
 * an access file has). Loaders and memos live here, not at module scope, so one request never
 * sees another's answers and nothing goes stale between requests. Registry, reads, events and
 * operations are the principal's views of them (src/views), so no resolver filters by scope.
 */
export function createContextFactory({
  services: { registry, store, operations, clusterRegistration, resourceEvents, operationEvents, operationRunner, cache },
  concurrency = 8,
  batching = true,
  policy = { allowPrivilegedContainers: false },
  timeoutMs = DEFAULT_QUERY_LIMITS.timeoutMs,
}: ContextFactoryOptions): (principal?: Principal) => GatewayContext {
  return (principal = LOCAL_PRINCIPAL) => {
    const visible = scopedRegistry(registry, principal.scope);
    const newReader = (signal: AbortSignal) =>
      scopedReader(createFleetReader({ registry: visible, batching, limit: createLimiter(concurrency), signal, cache: batching ? cache : undefined }), principal.scope);
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
          // The node list is the one hosts fields use too: a probe adds only /version, stopped
          // with the request's other reads when the request runs out of time.
          probe = Promise.allSettled([
            cluster.client.version(signal),
            reader.list(cluster.name, 'Node').then((items) => ({ items: [...items] })),
          ]).then(([version, nodes]) => healthFrom(version, nodes));
          probes.set(cluster.name, probe);
        }
        return probe;
      },
    };
  };
}
