// The gateway's only door to @kubernetes/client-node.
export { createClusterClient, type ClusterClient, type ClusterClientOptions } from './client.js';
export { clientFromInCluster, clientsFromKubeconfigDocument, clientsFromKubeconfigFile, clientsFromKubeconfigFiles } from './kubeconfig.js';
export { clientFromCredentials, type ClusterCredentials } from './credentials.js';
export { KubeCallError, KubeconfigError, type KubeFailure } from './errors.js';
export { InvalidObjectPathError } from './object-path.js';
export { KUBE_KINDS, namespaced, type KubeKind, type KubeObjects } from './kinds.js';
export type { RetryPolicy } from './retry.js';
export type { WatchEnd, WatchEvent, WatchOptions } from './watch.js';
export type { KubeList, KubeNode, KubeVersion, ListOptions } from './types.js';
export { kubeRequestOf, type KubeCallObserver, type KubeCallSample } from './observe.js';
export { rbacRules, type RbacRule } from './rbac.js';
