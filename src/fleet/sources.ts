// Where clusters come from: a kubeconfig file's contexts, or a kubeconfig document
// (the embedded simulated fleet's), each context becoming one cluster.
import { clientsFromKubeconfigDocument, clientsFromKubeconfigFile, type KubeCallObserver } from '../kube/index.js';
import type { ClusterSourceInput } from './registry.js';

export interface SourceOptions {
  /** per-call limit for each cluster, retries included, ms */
  timeoutMs?: number;
  /** contexts to use; default every one */
  contexts?: readonly string[];
  /** told of every request to every cluster (metrics); default none */
  observe?: KubeCallObserver;
}

export function kubeconfigFileSource(path: string, opts: SourceOptions = {}): ClusterSourceInput {
  return { source: 'KUBECONFIG', clusters: clientsFromKubeconfigFile({ path, ...opts }).map((client) => ({ client })) };
}

export function embeddedSource(document: object, opts: SourceOptions = {}): ClusterSourceInput {
  return { source: 'EMBEDDED', clusters: clientsFromKubeconfigDocument({ document, ...opts }).map((client) => ({ client })) };
}
