// Where clusters come from: a kubeconfig file's contexts, or a kubeconfig document
// (the embedded simulated fleet's), each context becoming one cluster.
import { delimiter } from 'node:path';
import { clientFromInCluster, clientsFromKubeconfigDocument, clientsFromKubeconfigFiles, type KubeCallObserver } from '../kube/index.js';
import type { ClusterSourceInput } from './registry.js';

export interface SourceOptions {
  /** per-call limit for each cluster, retries included, ms */
  timeoutMs?: number;
  /** contexts to use; default every one */
  contexts?: readonly string[];
  /** told of every request to every cluster (metrics); default none */
  observe?: KubeCallObserver;
}

/** KUBECONFIG: one file, or several separated by `:` (`;` on Windows), merged as kubectl does. */
export function kubeconfigFileSource(kubeconfig: string, opts: SourceOptions = {}): ClusterSourceInput {
  return { source: 'KUBECONFIG', clusters: clientsFromKubeconfigFiles({ paths: kubeconfig.split(delimiter), ...opts }).map((client) => ({ client })) };
}

/**
 * The cluster the gateway runs in (a pod's ServiceAccount), named `name`. Shown with source
 * KUBECONFIG: client-node loads it as a one-context kubeconfig, and it is as read-only.
 */
export function inClusterSource(name: string, opts: Omit<SourceOptions, 'contexts'> & { pathPrefix?: string } = {}): ClusterSourceInput {
  return { source: 'KUBECONFIG', clusters: [{ client: clientFromInCluster({ name, ...opts }) }] };
}

export function embeddedSource(document: object, opts: SourceOptions = {}): ClusterSourceInput {
  return { source: 'EMBEDDED', clusters: clientsFromKubeconfigDocument({ document, ...opts }).map((client) => ({ client })) };
}
