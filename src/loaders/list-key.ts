// One function names a list: which cluster, which kind, which namespace scope.
import type { KubeKind } from '../kube/index.js';

/** `*` stands for every namespace (and for cluster-scoped kinds). */
export const ALL_NAMESPACES = '*';

export interface ListKey {
  cluster: string;
  kind: KubeKind;
  namespace: string;
}

export function listKey({ cluster, kind, namespace }: ListKey): string {
  return `${cluster}|${kind}|${namespace}`;
}
