import type { Logger } from '../logging/index.js';
import { KubeCallError, type ClusterClient } from '../kube/index.js';
import { healthFrom, type ClusterHealth } from './health.js';
import { createLimiter } from './limit.js';

/** Where a cluster came from; decides, later, whether the API may change it. */
export type ClusterSourceKind = 'KUBECONFIG' | 'STORE' | 'EMBEDDED';

export type Labels = Readonly<Record<string, string>>;

export interface RegisteredCluster {
  /** Global object id (the contract's Node.id); see clusterId. */
  readonly id: string;
  readonly name: string;
  readonly server: string;
  readonly source: ClusterSourceKind;
  readonly labels: Labels;
  readonly client: ClusterClient;
}

/** The clusters one source contributes. */
export interface ClusterSourceInput {
  source: ClusterSourceKind;
  clusters: readonly { client: ClusterClient; labels?: Labels }[];
}

export interface ClusterRegistryOptions {
  sources: readonly ClusterSourceInput[];
  logger: Logger;
  /** Clusters probed at once; further probes wait their turn. Default 8. */
  concurrency?: number;
}

export interface ClusterRegistry {
  /** Every cluster, sorted by name. */
  list(): readonly RegisteredCluster[];
  get(name: string): RegisteredCluster | undefined;
  /** Asks the cluster for /version and its nodes. Never rejects: a failure is an UNREACHABLE health. */
  probe(cluster: RegisteredCluster, signal?: AbortSignal): Promise<ClusterHealth>;
}

/** Opaque, so clients treat it as a key rather than parse it; `node(id:)` will decode the prefix. */
export function clusterId(name: string): string {
  return Buffer.from(`Cluster:${name}`).toString('base64url');
}

/**
 * The fleet as one list. Cluster names are the gateway's keys, so two sources
 * naming the same cluster is a configuration error, reported at start.
 */
export function createClusterRegistry({ sources, logger, concurrency = 8 }: ClusterRegistryOptions): ClusterRegistry {
  const byName = new Map<string, RegisteredCluster>();
  for (const { source, clusters } of sources) {
    for (const { client, labels = {} } of clusters) {
      const taken = byName.get(client.name);
      if (taken) throw new Error(`cluster "${client.name}" comes from both ${taken.source} and ${source}`);
      const { name, server } = client;
      byName.set(name, { id: clusterId(name), name, server, source, labels, client });
    }
  }
  // Code-point order, not locale order: the same list on every machine.
  const sorted = [...byName.values()].sort((a, b) => (a.name < b.name ? -1 : 1));
  const limit = createLimiter(concurrency);
  const log = logger.child({ component: 'registry' });

  async function probe({ name, client }: RegisteredCluster, signal?: AbortSignal): Promise<ClusterHealth> {
    const [version, nodes] = await limit(() =>
      Promise.allSettled([client.version(signal), client.listNodes({ signal })]),
    );
    for (const result of [version, nodes]) {
      if (result.status === 'rejected') logFailure(log, name, result.reason);
    }
    return healthFrom(version, nodes);
  }

  return { list: () => sorted, get: (name) => byName.get(name), probe };
}

// Known failures already tell the client why; only the unexplained ones need an operator's eye.
function logFailure(log: Logger, cluster: string, err: unknown): void {
  const explained = err instanceof KubeCallError && err.failure.kind !== 'unknown';
  if (explained) log.debug({ cluster, err }, 'cluster call failed');
  else log.warn({ cluster, err }, 'cluster call failed unexpectedly');
}
