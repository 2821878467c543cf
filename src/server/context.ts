import type { ClusterHealth, ClusterRegistry, RegisteredCluster } from '../fleet/index.js';

/** What every resolver receives; one is built per request (per operation over WebSocket). */
export interface GatewayContext {
  readonly registry: ClusterRegistry;
  /** This request's view of a cluster: probed once, then shared by every field that asks. Never rejects. */
  clusterHealth(cluster: RegisteredCluster): Promise<ClusterHealth>;
}

export interface ContextFactoryOptions {
  registry: ClusterRegistry;
}

/**
 * Builds the per-request context. Memos live here, not at module scope, so one
 * request never sees another's answers and nothing goes stale between requests.
 */
export function createContextFactory({ registry }: ContextFactoryOptions): () => GatewayContext {
  return () => {
    const probes = new Map<string, Promise<ClusterHealth>>();
    return {
      registry,
      clusterHealth(cluster) {
        let probe = probes.get(cluster.name);
        if (!probe) {
          probe = registry.probe(cluster);
          probes.set(cluster.name, probe);
        }
        return probe;
      },
    };
  };
}
