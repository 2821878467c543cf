// What one principal may see of the fleet: the registry, the fleet reader and the resource
// change streams, each cut to the principal's scope. The context factory builds a request's
// reads on these, so every field, count and `node(id)` sees the same limited fleet without
// knowing of scopes: an out-of-scope cluster is not there, an out-of-scope namespace's
// objects are not listed. Hosts (Nodes) belong to no namespace: a namespace-limited principal
// sees every host of its clusters, and of their pods only those in its namespaces.
import type { WatchEngine } from '../events/index.js';
import type { ClusterRegistry } from '../fleet/index.js';
import { type KubeKind, type KubeObjects, namespaced } from '../kube/index.js';
import type { FleetReader } from '../loaders/index.js';
import { type Scope, seesCluster, seesNamespace } from '../auth/scope.js';

type AnyObject = KubeObjects[KubeKind];

function unlimited(scope: Scope): boolean {
  return scope.clusters === null && scope.namespaces === null;
}

/** The registry as `scope` sees it: other clusters are neither listed nor found by name. */
export function scopedRegistry(registry: ClusterRegistry, scope: Scope): ClusterRegistry {
  if (scope.clusters === null) return registry;
  // The registry makes a new array on each change; one cut per array keeps list() stable.
  const cuts = new WeakMap<readonly unknown[], ReturnType<ClusterRegistry['list']>>();
  return {
    list() {
      const all = registry.list();
      let cut = cuts.get(all);
      if (!cut) cuts.set(all, (cut = all.filter((c) => seesCluster(scope, c.name))));
      return cut;
    },
    get: (name) => (seesCluster(scope, name) ? registry.get(name) : undefined),
  };
}

/** Whether `scope` sees an object of `kind`: namespaced ones by their namespace, Namespaces by name. */
export function seesKubeObject(scope: Scope, kind: KubeKind, object: { metadata?: { name?: string; namespace?: string } }): boolean {
  if (kind === 'Namespace') return seesNamespace(scope, object.metadata?.name ?? '');
  return !namespaced[kind] || seesNamespace(scope, object.metadata?.namespace ?? '');
}

/**
 * The reader as `scope` sees it (its registry already cut by scopedRegistry): lists leave out
 * objects of other namespaces, and gets of them answer undefined. The same list array in gives
 * the same cut array out, as callers memoize indexes per array.
 */
export function scopedReader(reader: FleetReader, scope: Scope): FleetReader {
  if (scope.namespaces === null) return reader;
  const cuts = new WeakMap<readonly AnyObject[], readonly AnyObject[]>();
  const cut = <K extends KubeKind>(kind: K, items: readonly KubeObjects[K][]): readonly KubeObjects[K][] => {
    let seen = cuts.get(items);
    if (!seen) cuts.set(items, (seen = items.filter((o) => seesKubeObject(scope, kind, o))));
    return seen as readonly KubeObjects[K][];
  };
  const outside = (kind: KubeKind, namespace: string | undefined) => namespaced[kind] && namespace !== undefined && !seesNamespace(scope, namespace);
  return {
    async list(cluster, kind, namespace) {
      if (outside(kind, namespace)) return [];
      return cut(kind, await reader.list(cluster, kind, namespace));
    },
    async get(cluster, kind, name, namespace) {
      if (outside(kind, namespace)) return undefined;
      const found = await reader.get(cluster, kind, name, namespace);
      return found && seesKubeObject(scope, kind, found) ? found : undefined;
    },
  };
}

/** The watch engine as `scope` sees it: changes of other clusters or namespaces are not delivered. */
export function scopedWatchEngine(engine: WatchEngine, scope: Scope): WatchEngine {
  if (unlimited(scope)) return engine;
  return {
    subscribe(key, listener) {
      if (!seesCluster(scope, key.cluster)) return () => {};
      return engine.subscribe(key, (change) => {
        if (seesKubeObject(scope, change.kind, change.object)) listener(change);
      });
    },
    inform(key, onChange) {
      // The read cache sits below the scoped views; a scoped caller has no business holding one.
      if (!seesCluster(scope, key.cluster)) throw new Error(`no cluster named ${key.cluster}`);
      return engine.inform(key, onChange);
    },
    async objects(key) {
      if (!seesCluster(scope, key.cluster)) return [];
      return (await engine.objects(key)).filter((object) => seesKubeObject(scope, key.kind, object));
    },
    get queueLimit() {
      return engine.queueLimit;
    },
    streams: () => engine.streams().filter((s) => seesCluster(scope, s.cluster)),
    stop: () => engine.stop(),
  };
}
