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
  return clientsFromKubeconfigFiles({ paths: [path], ...selection });
}

/**
 * One client per context of several kubeconfig files (KUBECONFIG's colon-separated list), merged
 * as kubectl merges them: the first file to name a cluster, user or context wins, later ones
 * only add; the current context is the first one set. Empty entries are skipped, as kubectl does.
 * @throws KubeconfigError when a file cannot be read or a named context is missing.
 */
export function clientsFromKubeconfigFiles({ paths, ...selection }: ContextSelection & { paths: readonly string[] }): ClusterClient[] {
  const merged = new KubeConfig();
  merged.loadFromOptions({ clusters: [], users: [], contexts: [], currentContext: '' });
  for (const path of paths.filter((p) => p !== '')) {
    const file = new KubeConfig();
    try {
      file.loadFromFile(path);
    } catch (err) {
      throw new KubeconfigError(`cannot read kubeconfig ${path}: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
    }
    const taken = (list: readonly { name: string }[], name: string) => list.some((item) => item.name === name);
    merged.clusters.push(...file.clusters.filter((c) => !taken(merged.clusters, c.name)));
    merged.users.push(...file.users.filter((u) => !taken(merged.users, u.name)));
    merged.contexts.push(...file.contexts.filter((c) => !taken(merged.contexts, c.name)));
    if (!merged.currentContext) merged.currentContext = file.currentContext;
  }
  return clientsPerContext(merged, selection);
}

/**
 * The cluster this process runs in, through client-node's in-cluster loading: the API server
 * from KUBERNETES_SERVICE_HOST/PORT, the ServiceAccount's token (re-read as it rotates) and CA
 * under `pathPrefix`/var/run/secrets/kubernetes.io/serviceaccount.
 */
export function clientFromInCluster({ name, pathPrefix = '', ...clientOptions }: Omit<ContextSelection, 'contexts'> & { name: string; pathPrefix?: string }): ClusterClient {
  const kubeConfig = new KubeConfig();
  kubeConfig.loadFromCluster(pathPrefix);
  return createClusterClient({ name, kubeConfig, ...clientOptions });
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
    // kubectl talks to an http:// server (kubectl proxy) as is; client-node refuses unless TLS
    // checking is marked skipped, which for plain HTTP changes nothing.
    clusters: base.clusters.map((cluster) => (cluster.server.startsWith('http:') ? { ...cluster, skipTLSVerify: true } : cluster)),
    users: base.users,
    contexts: base.contexts,
    currentContext: context,
  });
  return kubeConfig;
}
