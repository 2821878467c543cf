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
  /** Puts something around every cluster's client as it joins (the gateway records its writes). Default: the client as it is. */
  wrapClient?: (client: ClusterClient) => ClusterClient;
}

export interface ClusterRegistry {
  /** Every cluster, sorted by name. */
  list(): readonly RegisteredCluster[];
  get(name: string): RegisteredCluster | undefined;
}

/** The registry as the gateway's start-up and cluster registration change it. */
export interface MutableClusterRegistry extends ClusterRegistry {
  /** @throws ClusterNameTakenError when a cluster of that name is already there, from any source */
  add(source: ClusterSourceKind, cluster: { client: ClusterClient; labels?: Labels }): RegisteredCluster;
  /** The cluster removed, or undefined when there was none. */
  remove(name: string): RegisteredCluster | undefined;
}

/** Cluster names are the gateway's keys: one name, one cluster. */
export class ClusterNameTakenError extends Error {
  override readonly name = 'ClusterNameTakenError';

  constructor(
    readonly cluster: string,
    /** where the cluster already there came from */
    readonly takenBy: ClusterSourceKind,
    source: ClusterSourceKind,
  ) {
    super(`cluster "${cluster}" comes from both ${takenBy} and ${source}`);
  }
}

/** Opaque, so clients treat it as a key rather than parse it; `node(id:)` decodes the prefix. */
export function clusterId(name: string): string {
  return toGlobalId('Cluster', name);
}

/**
 * The fleet as one list. Cluster names are the gateway's keys, so two sources
 * naming the same cluster is a configuration error, reported at start.
 * Clusters added or removed later (registered through the API) show in the next list().
 */
export function createClusterRegistry({ sources, wrapClient = (client) => client }: ClusterRegistryOptions): MutableClusterRegistry {
  const byName = new Map<string, RegisteredCluster>();
  let sorted: readonly RegisteredCluster[] = [];
  // Code-point order, not locale order: the same list on every machine. A new array on each
  // change, so a caller iterating an earlier list() is never disturbed.
  const resort = () => {
    sorted = [...byName.values()].sort((a, b) => (a.name < b.name ? -1 : 1));
  };
  const add = (source: ClusterSourceKind, { client, labels = {} }: { client: ClusterClient; labels?: Labels }) => {
    const taken = byName.get(client.name);
    if (taken) throw new ClusterNameTakenError(client.name, taken.source, source);
    const { name, server } = client;
    const cluster: RegisteredCluster = { id: clusterId(name), name, server, source, labels, client: wrapClient(client) };
    byName.set(name, cluster);
    resort();
    return cluster;
  };
  for (const { source, clusters } of sources) for (const cluster of clusters) add(source, cluster);
  return {
    list: () => sorted,
    get: (name) => byName.get(name),
    add,
    remove(name) {
      const cluster = byName.get(name);
      if (!cluster) return undefined;
      byName.delete(name);
      resort();
      return cluster;
    },
  };
}
