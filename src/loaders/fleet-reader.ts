// Reads of the fleet for one GraphQL request. Each (cluster, kind, namespace scope) is
// listed at most once however many fields want it, and single objects are answered from
// those lists: a query touching a thousand pods costs one list, not a thousand gets.
import DataLoader from 'dataloader';
import type { ClusterRegistry, Limiter } from '../fleet/index.js';
import { type ClusterClient, type KubeKind, type KubeObjects, namespaced } from '../kube/index.js';
import type { ListCache } from '../cache/index.js';
import { ALL_NAMESPACES, type ListKey, listKey } from './list-key.js';
import { listIndex } from './list-index.js';

export interface FleetReader {
  /** Every object of a kind in one cluster, in one namespace or all. Rejects with the cluster's KubeCallError. */
  list<K extends KubeKind>(cluster: string, kind: K, namespace?: string): Promise<readonly KubeObjects[K][]>;
  /** One object, or undefined when the cluster has none of that name. */
  get<K extends KubeKind>(cluster: string, kind: K, name: string, namespace?: string): Promise<KubeObjects[K] | undefined>;
}

export interface FleetReaderOptions {
  registry: ClusterRegistry;
  /**
   * false: every read goes to the cluster as it comes, single objects by their own GET.
   * Exists only so benchmarks can show what batching saves. Default true.
   */
  batching?: boolean;
  /** bounds the cluster calls under way at once; default: no bound */
  limit?: Limiter;
  /**
   * The request's deadline: once aborted, calls under way are cancelled and every read rejects
   * with the signal's reason (not as a cluster failure: the cluster did nothing wrong). Default: none.
   */
  signal?: AbortSignal;
  /**
   * The gateway's watch cache: kinds it holds are read from it, every namespace at once, and
   * from the cluster only while it cannot answer (src/cache). Default: every read goes to the cluster.
   */
  cache?: Pick<ListCache, 'caches' | 'serves' | 'read'>;
}

type AnyObject = KubeObjects[KubeKind];

export function createFleetReader({ registry, batching = true, limit = (task) => task(), signal, cache }: FleetReaderOptions): FleetReader {
  const client: ClientOf = (cluster) => {
    const found = registry.get(cluster);
    if (!found) throw new Error(`no cluster named ${cluster}`);
    const { list: listCall, get: getCall } = found.client;
    return {
      list: (kind, opts) => withinDeadline(signal, () => limit(() => listCall(kind, { ...opts, signal }))),
      get: (kind, name, opts) => withinDeadline(signal, () => limit(() => getCall(kind, name, { ...opts, signal }))),
    };
  };
  if (!batching) return unbatchedReader(client);

  const loader = new DataLoader<ListKey, readonly AnyObject[], string>((keys) => loadLists(client, keys), { cacheKeyFn: listKey });
  // Lists of every namespace already asked for: a later ask for one namespace is served from them.
  const wide = new Map<string, Promise<readonly AnyObject[]>>();

  // Views of one namespace cut from those lists, kept so every caller gets the same array
  // (callers memoize indexes per array).
  const views = new Map<string, Promise<readonly AnyObject[]>>();

  // Whether the cache answers for a cluster is decided once per request, at its first read.
  const served = new Map<string, boolean>();
  const servedFromCache = (cluster: string, kind: KubeKind) => {
    if (!cache?.caches(kind)) return false;
    let serves = served.get(cluster);
    if (serves === undefined) served.set(cluster, (serves = cache.serves(cluster)));
    return serves;
  };

  // A cached kind is read whole, once per request: every field of one answer sees the same state.
  const cached = (cluster: string, kind: KubeKind): Promise<readonly AnyObject[]> => {
    let all = wide.get(`${cluster}|${kind}`);
    if (!all) {
      // The cache holds every cluster; this reader answers only for the registry it was given.
      if (!registry.get(cluster)) throw new Error(`no cluster named ${cluster}`);
      all = cache!.read(cluster, kind, signal).then((items) => items ?? loader.load({ cluster, kind, namespace: ALL_NAMESPACES }));
      wide.set(`${cluster}|${kind}`, all);
    }
    return all;
  };

  const list = <K extends KubeKind>(cluster: string, kind: K, namespace?: string): Promise<readonly KubeObjects[K][]> => {
    const scope = namespaced[kind] && namespace ? namespace : ALL_NAMESPACES;
    const all = servedFromCache(cluster, kind) ? cached(cluster, kind) : wide.get(`${cluster}|${kind}`);
    if (all && scope !== ALL_NAMESPACES) {
      const key = listKey({ cluster, kind, namespace: scope });
      let view = views.get(key);
      if (!view) {
        view = all.then((items) => inNamespace(items, scope));
        views.set(key, view);
      }
      return view as Promise<readonly KubeObjects[K][]>;
    }
    if (all) return all as Promise<readonly KubeObjects[K][]>;
    const loaded = loader.load({ cluster, kind, namespace: scope });
    if (scope === ALL_NAMESPACES) wide.set(`${cluster}|${kind}`, loaded);
    return loaded as Promise<readonly KubeObjects[K][]>;
  };

  return {
    list: (cluster, kind, namespace) => withinDeadline(signal, () => list(cluster, kind, namespace)),
    async get(cluster, kind, name, namespace) {
      const items = await withinDeadline(signal, () => list(cluster, kind, namespace));
      let index = byName.get(items);
      if (!index) {
        index = new Map(items.map((o) => [o.metadata?.name ?? '', o]));
        byName.set(items, index);
      }
      return index.get(name) as KubeObjects[typeof kind] | undefined;
    },
  };
}

// Each list's objects by namespace, and by name for get(): kept per list (list-index.ts), so
// with the read cache they outlive one request.
const inNamespace = listIndex<AnyObject>((item) => item.metadata?.namespace ?? '');
const byName = new WeakMap<readonly AnyObject[], Map<string, AnyObject>>();

/** Runs `read` unless the deadline has passed; a read failing because it passed fails with the deadline's reason. */
async function withinDeadline<T>(signal: AbortSignal | undefined, read: () => Promise<T>): Promise<T> {
  signal?.throwIfAborted();
  try {
    return await read();
  } catch (err) {
    signal?.throwIfAborted();
    throw err;
  }
}

type ClientOf = (cluster: string) => Pick<ClusterClient, 'list' | 'get'>;

/**
 * One batch: the lists asked for in one tick. Several namespaces of one (cluster, kind),
 * or any together with every namespace, cost one cluster-wide list that serves them all.
 */
async function loadLists(client: ClientOf, keys: readonly ListKey[]): Promise<(readonly AnyObject[] | Error)[]> {
  const groups = new Map<string, ListKey[]>();
  for (const key of keys) {
    const group = `${key.cluster}|${key.kind}`;
    groups.set(group, [...(groups.get(group) ?? []), key]);
  }
  const answers = new Map<string, Promise<readonly AnyObject[]>>();
  for (const group of groups.values()) {
    const { cluster, kind } = group[0]!;
    const scopes = new Set(group.map((k) => k.namespace));
    const single = scopes.size === 1 && !scopes.has(ALL_NAMESPACES) ? [...scopes][0] : undefined;
    const all = client(cluster).list(kind, { namespace: single }).then((l) => l.items as readonly AnyObject[]);
    for (const key of group) {
      const scoped = key.namespace === ALL_NAMESPACES || single ? all : all.then((items) => items.filter((o) => o.metadata?.namespace === key.namespace));
      answers.set(listKey(key), scoped);
    }
  }
  const settled = await Promise.allSettled(keys.map((k) => answers.get(listKey(k))!));
  // A failed list is an Error in its slot, so DataLoader rejects those keys alone and forgets them.
  return settled.map((s) => (s.status === 'fulfilled' ? s.value : s.reason instanceof Error ? s.reason : new Error(String(s.reason))));
}

function unbatchedReader(client: ClientOf): FleetReader {
  return {
    async list(cluster, kind, namespace) {
      return (await client(cluster).list(kind, { namespace: namespaced[kind] ? namespace : undefined })).items;
    },
    get(cluster, kind, name, namespace) {
      return client(cluster).get(kind, name, { namespace });
    },
  };
}
