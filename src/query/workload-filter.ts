// The contract's WorkloadFilter as a pure predicate over WorkloadRecords.
import { parseUserSelector } from '../errors/index.js';
import { imageMatchesFragment } from '../images/index.js';
import { refKey } from '../model/ids.js';
import type { NamespaceRecord, WorkloadKind, WorkloadRecord, WorkloadStatus } from '../model/records.js';

/**
 * GraphQL hands absent criteria over as null; an absent or null criterion matches every
 * workload, a given list only what it names (so an empty list matches none).
 */
export interface WorkloadFilter {
  clusters?: readonly string[] | null;
  namespaces?: readonly string[] | null;
  kinds?: readonly WorkloadKind[] | null;
  /** `org:env` names; a workload's environment is the one its namespace backs */
  environments?: readonly string[] | null;
  /** Kubernetes label-selector text over the workload's own labels */
  labelSelector?: string | null;
  /** case-insensitive substring of any container's image reference as written */
  image?: string | null;
  /** case-insensitive substring of the workload's name */
  name?: string | null;
  status?: readonly WorkloadStatus[] | null;
}

export interface WorkloadFilterContext {
  /**
   * The environment (`org:env`) a namespace of a cluster backs, or null when none. Only
   * asked when the filter names environments; without it no workload has an environment.
   */
  environmentOf?(cluster: string, namespace: string): string | null;
}

/** The environment lookup a matcher reads, filled from the namespace lists of the clusters read. */
export interface NamespaceEnvironments extends Required<WorkloadFilterContext> {
  /** Remembers the environment each of these namespaces backs (or that it backs none). */
  record(namespaces: readonly NamespaceRecord[]): void;
}

/**
 * An empty environment lookup for one request: the `workloads` query and restart planning
 * record what their namespace lists say and hand it to workloadMatcher. A namespace never
 * recorded backs no environment.
 */
export function namespaceEnvironments(): NamespaceEnvironments {
  const byNamespace = new Map<string, string | null>();
  return {
    record: (namespaces) => namespaces.forEach((ns) => byNamespace.set(refKey({ cluster: ns.cluster, name: ns.name }), ns.environment)),
    environmentOf: (cluster, name) => byNamespace.get(refKey({ cluster, name })) ?? null,
  };
}

/**
 * A predicate passing workloads that meet every criterion of the filter. The filter is
 * checked here, once, so bad input fails the request before any cluster is asked.
 * @throws BadUserInputError for a labelSelector that does not parse.
 */
export function workloadMatcher(filter: WorkloadFilter | null | undefined, context: WorkloadFilterContext = {}): (workload: WorkloadRecord) => boolean {
  const { clusters, namespaces, kinds, environments, labelSelector, image, name, status } = filter ?? {};
  const selector = labelSelector ? parseUserSelector(labelSelector) : undefined;
  const nameFragment = name?.toLowerCase();
  const environmentOf = context.environmentOf ?? (() => null);
  return (w) =>
    (!clusters || clusters.includes(w.cluster)) &&
    (!namespaces || namespaces.includes(w.namespace)) &&
    (!kinds || kinds.includes(w.workloadKind)) &&
    (!status || status.includes(w.status)) &&
    (nameFragment === undefined || w.name.toLowerCase().includes(nameFragment)) &&
    (image === null || image === undefined || w.containers.some((c) => imageMatchesFragment(c.image, image))) &&
    (!selector || selector.matches(w.labels)) &&
    (!environments || inEnvironments(environmentOf(w.cluster, w.namespace), environments));
}

function inEnvironments(environment: string | null, environments: readonly string[]): boolean {
  return environment !== null && environments.includes(environment);
}

/** One workload against a filter; for many, build the predicate once with workloadMatcher. */
export function matchesWorkloadFilter(workload: WorkloadRecord, filter: WorkloadFilter | null | undefined, context?: WorkloadFilterContext): boolean {
  return workloadMatcher(filter, context)(workload);
}

