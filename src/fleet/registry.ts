import type { ClusterClient } from '../kube/index.js';
import { toGlobalId } from '../model/ids.js';

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
}

export interface ClusterRegistry {
  /** Every cluster, sorted by name. */
  list(): readonly RegisteredCluster[];
  get(name: string): RegisteredCluster | undefined;
}

/** Opaque, so clients treat it as a key rather than parse it; `node(id:)` will decode the prefix. */
export function clusterId(name: string): string {
  return toGlobalId('Cluster', name);
}

/**
 * The fleet as one list. Cluster names are the gateway's keys, so two sources
 * naming the same cluster is a configuration error, reported at start.
 */
export function createClusterRegistry({ sources }: ClusterRegistryOptions): ClusterRegistry {
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
  return { list: () => sorted, get: (name) => byName.get(name) };
}
