// Which subscribers may share one execution: those whose events would be computed alike.
// The result depends on the document, the operation picked, the variables and who asks
// (src/views filters by scope; operationUpdated also by the principal's name, guards by role),
// so all of those are in the key. Two callers whose principals differ in any of them never share.
import { type DocumentNode, print } from 'graphql';
import type { Principal } from '../auth/index.js';

export interface GroupKeyInput {
  document: DocumentNode;
  operationName?: string | null;
  variables?: Readonly<Record<string, unknown>> | null;
  principal: Principal;
}

/** A string equal for two subscriptions exactly when one execution may serve both. */
export function groupKey({ document, operationName, variables, principal }: GroupKeyInput): string {
  return JSON.stringify([print(document), operationName ?? null, canonical(variables ?? {}), principalKey(principal)]);
}

/** Everything of a principal that a view or guard reads; order-free lists sorted. */
export function principalKey({ name, roles, scope, authenticated }: Principal): unknown {
  const sorted = (list: readonly string[] | null) => (list === null ? null : [...list].sort());
  return { name, authenticated, roles: sorted(roles), clusters: sorted(scope.clusters), namespaces: sorted(scope.namespaces) };
}

/** JSON values with object keys in one order, so `{a, b}` and `{b, a}` are one group. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((key) => [key, canonical((value as Record<string, unknown>)[key])]),
  );
}
