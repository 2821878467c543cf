// The one way a request names clusters. Every query, mutation, subscription filter and
// upgrade plan that takes a list of cluster names resolves it with resolveClusters: an
// unknown name is BAD_USER_INPUT naming it. A reference to one object (a workload's or a
// host's cluster) goes through requireCluster: NOT_FOUND, as for the object itself. The
// clusters given are those the caller sees (the request's registry view), so a cluster
// outside the caller's scope is refused exactly as one that does not exist: no name leaks.
import { BadUserInputError, NotFoundError } from '../errors/index.js';
import type { ClusterRegistry, RegisteredCluster } from './registry.js';

export interface ClusterNames<C extends { name: string }> {
  /** the clusters the caller sees, in the registry's (name) order */
  known: readonly C[];
  /** the names asked for; null/undefined: every known cluster */
  names: readonly string[] | null | undefined;
  /** the argument the names came from, e.g. `filter.clusters`; it leads the refusal */
  field: string;
  /** `known` (default): the registry's order; `given`: the order asked, duplicates dropped */
  order?: 'known' | 'given';
}

/**
 * The clusters named, or every known one when none are.
 * @throws BadUserInputError `<field>: no cluster named a, b` naming every unknown one.
 */
export function resolveClusters<C extends { name: string }>({ known, names, field, order = 'known' }: ClusterNames<C>): C[] {
  if (!names) return [...known];
  const byName = new Map(known.map((cluster) => [cluster.name, cluster]));
  const unknown = [...new Set(names.filter((name) => !byName.has(name)))];
  if (unknown.length > 0) throw new BadUserInputError(`${field}: no cluster named ${unknown.join(', ')}`);
  if (order === 'known') return known.filter((cluster) => names.includes(cluster.name));
  return [...new Set(names)].map((name) => byName.get(name)!);
}

/** resolveClusters over names alone, for callers that hold no cluster objects. */
export function resolveClusterNames(options: Omit<ClusterNames<{ name: string }>, 'known'> & { known: readonly string[] }): string[] {
  return resolveClusters({ ...options, known: options.known.map((name) => ({ name })) }).map((cluster) => cluster.name);
}

/**
 * The cluster of one object a request refers to.
 * @throws NotFoundError `<field>: no cluster named "x"` when the caller sees no such cluster.
 */
export function requireCluster(registry: Pick<ClusterRegistry, 'get'>, name: string, field = 'cluster'): RegisteredCluster {
  const cluster = registry.get(name);
  if (!cluster) throw new NotFoundError(`${field}: no cluster named "${name}"`);
  return cluster;
}
