// What a fleet-wide change may reach. An empty selector or filter never means "everything"
// for a mutation: reaching every namespace (or every host) takes an explicit switch, and even
// then Kubernetes' own namespaces are left alone unless named.

/**
 * Namespaces Kubernetes reserves for itself (kube-system, kube-public, kube-node-lease: the
 * `kube-` prefix is reserved). A change reaches one only when the request names it.
 */
export function isSystemNamespace(namespace: string): boolean {
  return namespace.startsWith('kube-');
}

/**
 * Whether a change whose request named `named` namespaces (null: none, so every namespace)
 * may touch `namespace`: a system namespace only when named explicitly.
 */
export function mayChangeNamespace(namespace: string, named: readonly string[] | null | undefined): boolean {
  return named ? named.includes(namespace) : !isSystemNamespace(namespace);
}
