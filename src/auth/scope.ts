// A principal's scope: the clusters it may see (by name) and the namespaces (by glob).
// Whatever lies outside is invisible to it and out of reach of its mutations.

export interface Scope {
  /** Cluster names; null: every cluster, present and future. */
  readonly clusters: readonly string[] | null;
  /** Namespace globs (`*` any run of characters, `?` one); null: every namespace. */
  readonly namespaces: readonly string[] | null;
  /** `namespaces` compiled once, by scopeOf. */
  readonly namespacePatterns: readonly RegExp[] | null;
}

/** A scope from the clusters and namespace globs given; undefined/null means every one. */
export function scopeOf({ clusters, namespaces }: { clusters?: readonly string[] | null; namespaces?: readonly string[] | null }): Scope {
  return Object.freeze({
    clusters: clusters ? Object.freeze([...clusters]) : null,
    namespaces: namespaces ? Object.freeze([...namespaces]) : null,
    namespacePatterns: namespaces ? Object.freeze(namespaces.map(globRegExp)) : null,
  });
}

export const EVERYWHERE: Scope = scopeOf({});
export const NOWHERE: Scope = scopeOf({ clusters: [], namespaces: [] });

/** What a request would touch: cluster and namespace names, or ALL when it is not limited to some. */
export const ALL = 'ALL' as const;
export interface Reach {
  readonly clusters: readonly string[] | typeof ALL;
  readonly namespaces: readonly string[] | typeof ALL;
}

/** Reaches nothing (a mutation checked elsewhere, e.g. against the operation it names). */
export const NO_REACH: Reach = Object.freeze({ clusters: Object.freeze([]), namespaces: Object.freeze([]) });

export function seesCluster(scope: Scope, cluster: string): boolean {
  return scope.clusters === null || scope.clusters.includes(cluster);
}

export function seesNamespace(scope: Scope, namespace: string): boolean {
  return scope.namespacePatterns === null || scope.namespacePatterns.some((pattern) => pattern.test(namespace));
}

/** An object in `cluster`, in `namespace` (undefined/null for cluster-scoped objects, which every namespace scope sees). */
export function seesObject(scope: Scope, cluster: string, namespace: string | null | undefined): boolean {
  return seesCluster(scope, cluster) && (namespace == null || seesNamespace(scope, namespace));
}

/** Whether everything `reach` names lies inside `scope`; ALL only fits an unlimited scope. */
export function covers(scope: Scope, reach: Reach): boolean {
  const clusters = reach.clusters === ALL ? scope.clusters === null : reach.clusters.every((c) => seesCluster(scope, c));
  const namespaces = reach.namespaces === ALL ? scope.namespaces === null : reach.namespaces.every((n) => seesNamespace(scope, n));
  return clusters && namespaces;
}

/** `acme-*` → /^acme-.*$/; every other character stands for itself. */
function globRegExp(glob: string): RegExp {
  const body = [...glob].map((ch) => (ch === '*' ? '.*' : ch === '?' ? '.' : ch.replace(/[.+^${}()|[\]\\]/g, '\\$&'))).join('');
  return new RegExp(`^${body}$`);
}
