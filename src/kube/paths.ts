// Where each kind lives in the Kubernetes API: the collection of every namespace (or of a
// cluster-scoped kind), and a namespace's own collection.
import { type KubeKind, namespaced } from './kinds.js';

const COLLECTIONS: Record<KubeKind, { group: string; resource: string }> = {
  Node: { group: '/api/v1', resource: 'nodes' },
  Namespace: { group: '/api/v1', resource: 'namespaces' },
  Pod: { group: '/api/v1', resource: 'pods' },
  Secret: { group: '/api/v1', resource: 'secrets' },
  Deployment: { group: '/apis/apps/v1', resource: 'deployments' },
  StatefulSet: { group: '/apis/apps/v1', resource: 'statefulsets' },
  DaemonSet: { group: '/apis/apps/v1', resource: 'daemonsets' },
  ReplicaSet: { group: '/apis/apps/v1', resource: 'replicasets' },
  ControllerRevision: { group: '/apis/apps/v1', resource: 'controllerrevisions' },
};

/** `/apis/apps/v1/deployments`, or `/apis/apps/v1/namespaces/web/deployments` for one namespace of a namespaced kind. */
export function collectionPath(kind: KubeKind, namespace?: string): string {
  const { group, resource } = COLLECTIONS[kind];
  return namespaced[kind] && namespace ? `${group}/namespaces/${encodeURIComponent(namespace)}/${resource}` : `${group}/${resource}`;
}
