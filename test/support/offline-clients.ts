// Clients for clusters that are never called: for tests of what holds clients (the registry,
// planners fed their workloads directly), built the way a kubeconfig would build them.
import { clientsFromKubeconfigDocument, type ClusterClient } from '../../src/kube/index.js';

export function offlineClients(...names: string[]): ClusterClient[] {
  const document = {
    apiVersion: 'v1',
    kind: 'Config',
    clusters: names.map((name) => ({ name, cluster: { server: `https://${name}.example:6443` } })),
    users: [{ name: 'u', user: { token: 't' } }],
    contexts: names.map((name) => ({ name, context: { cluster: name, user: 'u' } })),
    'current-context': names[0],
  };
  return clientsFromKubeconfigDocument({ document });
}
