// Which changes a sink wants: a pure decision on the change's metadata alone.
import type { SinkConfig } from '../config/index.js';
import type { ChangeType, ResourceChange, WatchedKind } from '../events/types.js';
import { CHANGE_TYPE_OF, WATCHED_KIND_OF } from './kinds.js';

export type ChangeFilter = (change: Pick<ResourceChange, 'type' | 'cluster' | 'kind' | 'namespace' | 'name'>) => boolean;

/**
 * The sink's clusters, kinds, namespaces, ignoreNamespaces and dropEvents as one predicate.
 * Namespace rules judge a Namespace object by its own name (the sink for `acme-production`
 * hears about that namespace itself). Nodes are in no namespace: a sink that lists
 * `namespaces` does not get them, and `ignoreNamespaces` never removes them.
 */
export function changeFilter(config: Pick<SinkConfig, 'clusters' | 'kinds' | 'namespaces' | 'ignoreNamespaces' | 'dropEvents'>): ChangeFilter {
  const clusters = config.clusters && new Set(config.clusters);
  const kinds = new Set<WatchedKind>(config.kinds.map((kind) => WATCHED_KIND_OF[kind]));
  const namespaces = config.namespaces && new Set(config.namespaces);
  const ignored = new Set(config.ignoreNamespaces);
  const dropped = new Set<ChangeType>(config.dropEvents.map((event) => CHANGE_TYPE_OF[event]));
  return (change) => {
    if (dropped.has(change.type) || !kinds.has(change.kind)) return false;
    if (clusters && !clusters.has(change.cluster)) return false;
    const namespace = change.kind === 'Namespace' ? change.name : change.namespace;
    if (namespace === undefined) return namespaces === undefined;
    if (ignored.has(namespace)) return false;
    return namespaces === undefined || namespaces.has(namespace);
  };
}
