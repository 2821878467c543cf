// The Kubernetes shapes the rest of the gateway sees. They are client-node's own
// models, re-exported under kube-neutral names so nothing else imports the library.
export type { V1Node as KubeNode, VersionInfo as KubeVersion } from '@kubernetes/client-node';

/** Options every list call takes, `list(kind, opts)` included. */
export interface ListOptions {
  /** Kubernetes label-selector text, applied by the API server. Default: everything. */
  labelSelector?: string;
  /** Kubernetes field-selector text, applied by the API server. Default: everything. */
  fieldSelector?: string;
  /** Cancels the call; the client's own timeout applies as well. */
  signal?: AbortSignal;
}

export interface KubeList<T> {
  items: T[];
  /** The list's resourceVersion: where a watch would start from. */
  resourceVersion?: string;
}
