import { OPEN_GATEWAY_PRINCIPAL, type Principal } from '../auth/index.js';
import { ClusterErrors } from '../errors/cluster-errors.js';
import { type ClusterHealth, type ClusterRegistry, type RegisteredCluster, createLimiter, healthFrom } from '../fleet/index.js';
import { type FleetReader, createFleetReader } from '../loaders/index.js';
import { type OperationReader, createMemoryOperationReader } from '../operations/index.js';

/** What every resolver receives; one is built per request (per operation over WebSocket). */
export interface GatewayContext {
  readonly registry: ClusterRegistry;
  /** This request's reads of the fleet: each (cluster, kind, namespace scope) listed at most once. */
  readonly reader: FleetReader;
  /** Clusters that failed part of this request; the server adds them to the response's errors. */
  readonly clusterErrors: ClusterErrors;
  /** This request's view of a cluster: probed once, then shared by every field that asks. Never rejects. */
  clusterHealth(cluster: RegisteredCluster): Promise<ClusterHealth>;
  /** Who is asking. With no authentication configured, the open-gateway principal (src/auth). */
  readonly principal: Principal;
  /** Operations, shared by every request of one gateway. */
  readonly operations: OperationReader;
}

export interface ContextFactoryOptions {
  registry: ClusterRegistry;
  /** cluster calls under way at once within one request; default 8 */
  concurrency?: number;
  /** false sends every read to the clusters unbatched and uncached: for benchmarks only. Default true. */
  batching?: boolean;
  /** where operations are read; default an in-memory reader, empty, made once per factory */
  operations?: OperationReader;
}

/**
 * Builds the per-request context. Loaders and memos live here, not at module scope, so
 * one request never sees another's answers and nothing goes stale between requests.
 */
export function createContextFactory({
  registry,
  concurrency = 8,
  batching = true,
  operations = createMemoryOperationReader(),
}: ContextFactoryOptions): () => GatewayContext {
  return () => {
    const reader = createFleetReader({ registry, batching, limit: createLimiter(concurrency) });
    const probes = new Map<string, Promise<ClusterHealth>>();
    return {
      registry,
      reader,
      clusterErrors: new ClusterErrors(),
      // No authentication yet: every request is the open gateway's principal.
      principal: OPEN_GATEWAY_PRINCIPAL,
      operations,
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
