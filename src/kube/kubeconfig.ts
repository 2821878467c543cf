import { KubeConfig } from '@kubernetes/client-node';
import { createClusterClient, type ClusterClient } from './client.js';
import { KubeconfigError } from './errors.js';
import type { RetryPolicy } from './retry.js';
import type { KubeCallObserver } from './observe.js';

interface ContextSelection {
  /** Contexts to use, each becoming a cluster of that name. Default: every context. */
  contexts?: readonly string[];
  /** Per-call limit handed to each client, in milliseconds. Default 5000. */
  timeoutMs?: number;
  /** Objects per page of a list. Default 500. */
  pageSize?: number;
  retry?: RetryPolicy;
  /** Told of every HTTP exchange of every client (metrics). Default none. */
  observe?: KubeCallObserver;
}

/**
 * One client per context of the kubeconfig file at `path`. Relative certificate
 * and key paths resolve against the file's folder, as kubectl does.
 * @throws KubeconfigError when the file cannot be read or a named context is missing.
 */
export function clientsFromKubeconfigFile({ path, ...selection }: ContextSelection & { path: string }): ClusterClient[] {
  const base = new KubeConfig();
  try {
    base.loadFromFile(path);
  } catch (err) {
    throw new KubeconfigError(`cannot read kubeconfig ${path}: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
  }
  return clientsPerContext(base, selection);
}

/**
 * One client per context of a kubeconfig document given as a plain object
 * (the parsed YAML: apiVersion, clusters, users, contexts, current-context).
 */
export function clientsFromKubeconfigDocument({
  document,
  ...selection
}: ContextSelection & { document: object }): ClusterClient[] {
  const base = new KubeConfig();
  // loadFromOptions takes client-node's internal shapes, not a document; JSON is
  // YAML, so loadFromString reads the document with the same validation as a file.
  base.loadFromString(JSON.stringify(document));
  return clientsPerContext(base, selection);
}

function clientsPerContext(base: KubeConfig, { contexts, ...clientOptions }: ContextSelection): ClusterClient[] {
  const available = base.getContexts().map((context) => context.name);
  if (available.length === 0) throw new KubeconfigError('kubeconfig has no contexts');
  const missing = (contexts ?? []).filter((name) => !available.includes(name));
  if (missing.length > 0) {
    throw new KubeconfigError(`kubeconfig has no context ${missing.join(', ')} (it has ${available.join(', ')})`);
  }
  return (contexts ?? available).map((name) =>
    createClusterClient({ name, kubeConfig: withCurrentContext(base, name), ...clientOptions }),
  );
}

// Each client needs its own KubeConfig: the current context decides server and credentials,
// and the exec-plugin token cache lives on the instance.
function withCurrentContext(base: KubeConfig, context: string): KubeConfig {
  const kubeConfig = new KubeConfig();
  kubeConfig.loadFromOptions({
    clusters: base.clusters,
    users: base.users,
    contexts: base.contexts,
    currentContext: context,
  });
  return kubeConfig;
}
