// A simulated fleet in its own process (`npm run sim`), as a real fleet would be: the
// gateway under measurement does not share its CPU with the clusters it asks.
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface SimProcess {
  readonly kubeconfig: string;
  readonly clusters: readonly string[];
  /** requests the clusters answered since the last reset, summed */
  requests(): Promise<number>;
  /** the same, by verb (`list`, `get`, `watch`, `patch`…), summed over the clusters */
  requestsByVerb(): Promise<Record<string, number>>;
  /**
   * Sets a deployment's replicas through the cluster's Kubernetes API, as `kubectl scale`
   * would; resolves once the cluster has answered, with the resourceVersion it wrote.
   */
  scale(target: { cluster: string; namespace: string; name: string; replicas: number }): Promise<string>;
  resetCounters(): Promise<void>;
  stop(): Promise<void>;
}

export interface SimProcessOptions {
  clusters: number;
  nodes: number;
  namespaces: number;
  deployments: number;
  replicas: number;
}

const cli = fileURLToPath(new URL('../src/sim/cli.js', import.meta.url));

export async function spawnSim(opts: SimProcessOptions): Promise<SimProcess> {
  const dir = await mkdtemp(join(tmpdir(), 'fleetgraph-sim-'));
  const kubeconfig = join(dir, 'fleet.yaml');
  const args = [cli, '--kubeconfig', kubeconfig, '--seed', 'generate', ...Object.entries(opts).flatMap(([k, v]) => [`--${k}`, String(v)])];
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
  const { controlUrl, clusters } = await started(child);
  const control = async (path: string, method = 'GET') => (await fetch(`${controlUrl}${path}`, { method })).json();
  const servers = new Map(((await control('/clusters')) as { name: string; url: string }[]).map((c) => [c.name, c.url]));
  const counters = () => Promise.all(clusters.map((c) => control(`/clusters/${c}/counters`) as Promise<Record<string, number>>));
  const sim: SimProcess = {
    kubeconfig,
    clusters,
    async requests() {
      return (await counters()).reduce((n, c) => n + Object.values(c).reduce((a, b) => a + b, 0), 0);
    },
    async requestsByVerb() {
      const byVerb: Record<string, number> = {};
      for (const counts of await counters()) {
        for (const [key, n] of Object.entries(counts)) {
          const verb = key.split(' ')[0]!;
          byVerb[verb] = (byVerb[verb] ?? 0) + n;
        }
      }
      return byVerb;
    },
    async scale({ cluster, namespace, name, replicas }) {
      const response = await fetch(`${servers.get(cluster)}/apis/apps/v1/namespaces/${namespace}/deployments/${name}`, {
        method: 'PATCH',
        headers: { 'content-type': 'application/merge-patch+json', authorization: `Bearer sim-token-${cluster}` },
        body: JSON.stringify({ spec: { replicas } }),
      });
      const written = (await response.json()) as { metadata?: { resourceVersion?: string } };
      if (!response.ok) throw new Error(`scaling ${cluster}/${namespace}/${name} failed: ${response.status} ${JSON.stringify(written).slice(0, 200)}`);
      return written.metadata?.resourceVersion ?? '';
    },
    async resetCounters() {
      await Promise.all(clusters.map((c) => control(`/clusters/${c}/counters`, 'DELETE')));
    },
    async stop() {
      child.kill('SIGTERM');
      await once(child, 'exit');
      await rm(dir, { recursive: true, force: true });
    },
  };
  await settled(clusters, control, opts.deployments * opts.replicas);
  return sim;
}

/** reads the CLI's banner: one line per cluster, then the control endpoint */
async function started(child: ChildProcess): Promise<{ controlUrl: string; clusters: string[] }> {
  let out = '';
  const clusters: string[] = [];
  for await (const chunk of child.stdout!) {
    out += String(chunk);
    for (const m of out.matchAll(/^cluster (\S+)/gm)) if (!clusters.includes(m[1]!)) clusters.push(m[1]!);
    const control = /^control endpoint\s+(\S+)/m.exec(out);
    if (control && /^kubeconfig/m.test(out)) return { controlUrl: control[1]!, clusters };
  }
  throw new Error(`the simulator exited before it was ready:\n${out}`);
}

/** until every cluster runs all its pods */
async function settled(clusters: readonly string[], control: (path: string) => Promise<unknown>, pods: number): Promise<void> {
  for (;;) {
    const summaries = (await Promise.all(clusters.map((c) => control(`/clusters/${c}/summary`)))) as { pods: Record<string, number> }[];
    if (summaries.every((s) => (s.pods.Running ?? 0) >= pods)) return;
    await new Promise((r) => setTimeout(r, 500));
  }
}
