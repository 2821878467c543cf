// The kinds the gateway reads, and how each is read through client-node's typed APIs (lists
// are read as plain JSON: json-list.ts).
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
