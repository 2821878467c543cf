// The contract's ResourceEventFilter, checked once at subscribe time and then applied to each change.
import { parseUserSelector } from '../errors/index.js';
import { resolveClusterNames } from '../fleet/cluster-names.js';
import type { LabelSelector } from '../selectors/index.js';
import { RESOURCE_KINDS, type ResourceKind } from './resource-event.js';
import type { ChangeType, ResourceChange, WatchedKind } from './types.js';

/** GraphQL hands absent lists over as null; absent means "any". */
export interface ResourceEventFilter {
  clusters?: readonly string[] | null;
  kinds?: readonly ResourceKind[] | null;
  namespaces?: readonly string[] | null;
  /** Kubernetes label-selector text over the object's labels (after the change). */
  labelSelector?: string | null;
  types?: readonly ChangeType[] | null;
}

export interface CompiledFilter {
  /** the streams to follow: clusters times kinds */
  clusters: string[];
  kinds: WatchedKind[];
  /**
   * The change as this subscriber sees it, or undefined when it is not to be sent. With a
   * labelSelector, as a Kubernetes watch with one: a MODIFIED that makes an object start
   * matching is ADDED, one that makes it stop matching is DELETED (with the object after the change).
   */
  select(change: ResourceChange): ResourceChange | undefined;
}

/**
 * Compiles a filter against the clusters the caller sees. With `namespaces`, a Namespace
 * matches by its own name and a Node (in no namespace) never matches.
 * @throws BadUserInputError for a labelSelector that does not parse or an unknown cluster.
 */
export function compileFilter(filter: ResourceEventFilter, knownClusters: readonly string[]): CompiledFilter {
  const selector = filter.labelSelector ? parseUserSelector(filter.labelSelector) : undefined;
  const clusters = resolveClusterNames({ known: knownClusters, names: filter.clusters, field: 'filter.clusters' });
  const kinds = [...new Set((filter.kinds ?? (Object.keys(RESOURCE_KINDS) as ResourceKind[])).map((k) => RESOURCE_KINDS[k]))];
  const { namespaces, types } = filter;
  return {
    clusters,
    kinds,
    select(change) {
      if (namespaces && !namespaces.includes(namespaceOf(change) ?? '')) return undefined;
      const type = selector ? typeUnder(selector, change) : change.type;
      if (!type || (types && !types.includes(type))) return undefined;
      return type === change.type ? change : { ...change, type };
    },
  };
}

function typeUnder(selector: LabelSelector, { type, object, previous }: ResourceChange): ChangeType | undefined {
  const now = selector.matches(object.metadata?.labels ?? {});
  if (type !== 'MODIFIED') return now ? type : undefined;
  const before = previous ? selector.matches(previous.metadata?.labels ?? {}) : now;
  if (now && before) return 'MODIFIED';
  if (now) return 'ADDED';
  return before ? 'DELETED' : undefined;
}

function namespaceOf(change: ResourceChange): string | undefined {
  return change.kind === 'Namespace' ? change.name : change.namespace;
}

