import { NotFoundError } from '../errors/index.js';
import type { ClusterRegistry, RegisteredCluster } from '../fleet/index.js';

/**
 * The registered cluster of that name.
 * @throws NotFoundError naming it (and the field it came from) when there is none.
 */
export function requireCluster(registry: ClusterRegistry, name: string, field = 'cluster'): RegisteredCluster {
  const cluster = registry.get(name);
  if (!cluster) throw new NotFoundError(`${field}: no cluster named "${name}"`);
  return cluster;
}

/**
 * Every named cluster, de-duplicated in the order given.
 * @throws NotFoundError naming every unknown one.
 */
export function requireClusters(registry: ClusterRegistry, names: readonly string[], field = 'clusters'): RegisteredCluster[] {
  const unique = [...new Set(names)];
  const unknown = unique.filter((name) => !registry.get(name));
  if (unknown.length > 0) throw new NotFoundError(`${field}: no cluster named ${unknown.map((n) => `"${n}"`).join(', ')}`);
  return unique.flatMap((name) => registry.get(name) ?? []);
}
