// The kinds the gateway reads, and how each is listed and read through client-node's typed APIs.
import type {
  AppsV1Api,
  ConfigurationOptions,
  CoreV1Api,
  V1ControllerRevision,
  V1DaemonSet,
  V1Deployment,
  V1Namespace,
  V1Node,
  V1Pod,
  V1ReplicaSet,
  V1Secret,
  V1StatefulSet,
} from '@kubernetes/client-node';

export interface KubeObjects {
  Node: V1Node;
  Namespace: V1Namespace;
  Pod: V1Pod;
  Deployment: V1Deployment;
  StatefulSet: V1StatefulSet;
  DaemonSet: V1DaemonSet;
  ReplicaSet: V1ReplicaSet;
  Secret: V1Secret;
  /** the template history of StatefulSets and DaemonSets (their rollbacks and revisions) */
  ControllerRevision: V1ControllerRevision;
}

export type KubeKind = keyof KubeObjects;

export const KUBE_KINDS: readonly KubeKind[] = ['Node', 'Namespace', 'Pod', 'Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Secret', 'ControllerRevision'];

export interface Apis {
  core: CoreV1Api;
  apps: AppsV1Api;
}

/** What one page of a list call takes; `_continue` is client-node's name for `continue`. */
export interface PageParams {
  labelSelector?: string;
  fieldSelector?: string;
  limit?: number;
  _continue?: string;
}

interface Page<T> {
  items: T[];
  metadata?: { resourceVersion?: string; _continue?: string };
}

type Lister<K extends KubeKind> = (apis: Apis, namespace: string | undefined, params: PageParams, options: ConfigurationOptions) => Promise<Page<KubeObjects[K]>>;
type Reader<K extends KubeKind> = (apis: Apis, namespace: string | undefined, name: string, options: ConfigurationOptions) => Promise<KubeObjects[K]>;

export const namespaced: Record<KubeKind, boolean> = {
  Node: false,
  Namespace: false,
  Pod: true,
  Deployment: true,
  StatefulSet: true,
  DaemonSet: true,
  ReplicaSet: true,
  Secret: true,
  ControllerRevision: true,
};

// One line a kind: cluster-scoped kinds ignore the namespace; namespaced ones list every
// namespace when none is given.
export const listers: { [K in KubeKind]: Lister<K> } = {
  Node: ({ core }, _ns, p, o) => core.listNode(p, o),
  Namespace: ({ core }, _ns, p, o) => core.listNamespace(p, o),
  Pod: ({ core }, ns, p, o) => (ns ? core.listNamespacedPod({ ...p, namespace: ns }, o) : core.listPodForAllNamespaces(p, o)),
  Deployment: ({ apps }, ns, p, o) => (ns ? apps.listNamespacedDeployment({ ...p, namespace: ns }, o) : apps.listDeploymentForAllNamespaces(p, o)),
  StatefulSet: ({ apps }, ns, p, o) => (ns ? apps.listNamespacedStatefulSet({ ...p, namespace: ns }, o) : apps.listStatefulSetForAllNamespaces(p, o)),
  DaemonSet: ({ apps }, ns, p, o) => (ns ? apps.listNamespacedDaemonSet({ ...p, namespace: ns }, o) : apps.listDaemonSetForAllNamespaces(p, o)),
  ReplicaSet: ({ apps }, ns, p, o) => (ns ? apps.listNamespacedReplicaSet({ ...p, namespace: ns }, o) : apps.listReplicaSetForAllNamespaces(p, o)),
  Secret: ({ core }, ns, p, o) => (ns ? core.listNamespacedSecret({ ...p, namespace: ns }, o) : core.listSecretForAllNamespaces(p, o)),
  ControllerRevision: ({ apps }, ns, p, o) => (ns ? apps.listNamespacedControllerRevision({ ...p, namespace: ns }, o) : apps.listControllerRevisionForAllNamespaces(p, o)),
};

export const readers: { [K in KubeKind]: Reader<K> } = {
  Node: ({ core }, _ns, name, o) => core.readNode({ name }, o),
  Namespace: ({ core }, _ns, name, o) => core.readNamespace({ name }, o),
  Pod: ({ core }, ns, name, o) => core.readNamespacedPod({ name, namespace: ns ?? '' }, o),
  Deployment: ({ apps }, ns, name, o) => apps.readNamespacedDeployment({ name, namespace: ns ?? '' }, o),
  StatefulSet: ({ apps }, ns, name, o) => apps.readNamespacedStatefulSet({ name, namespace: ns ?? '' }, o),
  DaemonSet: ({ apps }, ns, name, o) => apps.readNamespacedDaemonSet({ name, namespace: ns ?? '' }, o),
  ReplicaSet: ({ apps }, ns, name, o) => apps.readNamespacedReplicaSet({ name, namespace: ns ?? '' }, o),
  Secret: ({ core }, ns, name, o) => core.readNamespacedSecret({ name, namespace: ns ?? '' }, o),
  ControllerRevision: ({ apps }, ns, name, o) => apps.readNamespacedControllerRevision({ name, namespace: ns ?? '' }, o),
};
