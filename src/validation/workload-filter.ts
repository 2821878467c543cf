// A WorkloadFilter as a mutation (restartWorkloads) takes it. Queries read an absent criterion
// as "any"; a mutation must not reach every workload by accident, so here the filter must
// name namespaces or environments — or the request must say `allNamespaces: true` — and
// nothing in it may be empty: an empty list, selector or substring is refused, not read as "any".
import { environmentTarget } from './environment-names.js';
import { parseUserSelector } from '../errors/index.js';
import { checkClusterName, checkObjectName } from './names.js';
import { nonEmpty, refuse } from './problem.js';
import type { WorkloadFilter } from '../query/workload-filter.js';

/** The query's WorkloadFilter (src/query), the one definition both read. */
export type WorkloadFilterInput = WorkloadFilter;

export interface FilterScope {
  /** the request's explicit switch: every namespace (but kube-* ones) may be reached */
  allNamespaces: boolean;
}

/** @throws BadUserInputError naming the filter's field at fault */
export function checkWorkloadFilter(filter: WorkloadFilterInput, field: string, { allNamespaces }: FilterScope): void {
  nonEmpty(filter.clusters, `${field}.clusters`)?.forEach((c, i) => checkClusterName(c, `${field}.clusters[${i}]`));
  nonEmpty(filter.namespaces, `${field}.namespaces`)?.forEach((ns, i) => checkObjectName('Namespace', ns, `${field}.namespaces[${i}]`));
  nonEmpty(filter.environments, `${field}.environments`)?.forEach((env, i) => environmentTarget(env, `${field}.environments[${i}]`));
  nonEmpty(filter.kinds, `${field}.kinds`);
  nonEmpty(filter.status, `${field}.status`);
  if (filter.labelSelector != null && parseUserSelector(filter.labelSelector, `${field}.labelSelector`).isEmpty()) {
    refuse(`${field}.labelSelector`, 'an empty selector selects every workload; give a selector or leave it out');
  }
  for (const key of ['image', 'name'] as const) {
    const fragment = filter[key];
    if (fragment != null && fragment.trim() === '') refuse(`${field}.${key}`, 'an empty substring matches every workload; give one or leave it out');
  }
  if (!filter.namespaces && !filter.environments && !allNamespaces) {
    refuse(field, 'names no namespaces or environments, so it would reach every namespace of every cluster; name filter.namespaces or filter.environments, or set allNamespaces: true (kube-* namespaces are left out unless named)');
  }
}
