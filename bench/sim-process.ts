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
  const sim: SimProcess = {
    kubeconfig,
    clusters,
    async requests() {
      const counts = await Promise.all(clusters.map((c) => control(`/clusters/${c}/counters`) as Promise<Record<string, number>>));
      return counts.reduce((n, c) => n + Object.values(c).reduce((a, b) => a + b, 0), 0);
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
