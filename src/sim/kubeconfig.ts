// A kubeconfig for the simulated fleet: one context per cluster, named after it,
// so kubectl and @kubernetes/client-node reach it with nothing special.
import { writeFile } from 'node:fs/promises';
import { stringify } from 'yaml';

export interface KubeconfigDoc {
  apiVersion: 'v1';
  kind: 'Config';
  clusters: { name: string; cluster: { server: string; 'insecure-skip-tls-verify'?: boolean } }[];
  users: { name: string; user: { token: string } }[];
  contexts: { name: string; context: { cluster: string; user: string; namespace?: string } }[];
  'current-context': string;
  preferences: Record<string, never>;
}

export function kubeconfigFor(clusters: readonly { name: string; url: string }[]): KubeconfigDoc {
  return {
    apiVersion: 'v1',
    kind: 'Config',
    // The simulator speaks plain HTTP on loopback; @kubernetes/client-node refuses http://
    // unless TLS verification is marked as skipped, and kubectl ignores the flag for http.
    clusters: clusters.map((c) => ({ name: c.name, cluster: { server: c.url, 'insecure-skip-tls-verify': true } })),
    // The simulator accepts any bearer token; one is given so clients send credentials as they would.
    users: clusters.map((c) => ({ name: `${c.name}-admin`, user: { token: `sim-token-${c.name}` } })),
    contexts: clusters.map((c) => ({ name: c.name, context: { cluster: c.name, user: `${c.name}-admin` } })),
    'current-context': clusters[0]?.name ?? '',
    preferences: {},
  };
}

export async function writeKubeconfig(path: string, doc: KubeconfigDoc): Promise<void> {
  await writeFile(path, stringify(doc), { mode: 0o600 });
}
