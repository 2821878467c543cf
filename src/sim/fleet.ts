// A fleet of simulated clusters in one process, each on its own loopback port, plus
// an optional control endpoint for faults and counters from outside the process.
import { type Clock, createClock } from './clock.js';
import { type SimCluster, type SimClusterOptions, startSimCluster } from './cluster.js';
import type { ControllerOptions } from './controllers/index.js';
import { type ControlServer, startControlServer } from './control.js';
import { type KubeconfigDoc, kubeconfigFor, writeKubeconfig } from './kubeconfig.js';
import { seedDemoCluster } from './seed/demo.js';
import { type GeneratorOptions, seedGeneratedCluster } from './seed/generate.js';

export interface SimFleetOptions {
  /** how many clusters, or their names; default 3 */
  clusters?: number | readonly string[];
  /** what the clusters hold at start: the demo fleet (default), nothing, or a generated fleet */
  seed?: 'demo' | 'empty' | ({ kind: 'generate' } & GeneratorOptions);
  /** default 127.0.0.1 */
  host?: string;
  /** first cluster's port, the rest follow; default 0 (any free ports) */
  basePort?: number;
  /** simulated time per real time; default 1. Ignored when `clock` is given. */
  speed?: number;
  clock?: Clock;
  /** port of the control endpoint; default false (none) */
  controlPort?: number | false;
  controllers?: ControllerOptions;
  historyLimit?: number;
  bookmarkIntervalMs?: number;
}

export interface SimFleet {
  readonly clusters: readonly SimCluster[];
  readonly clock: Clock;
  /** the control endpoint's URL, when one was asked for */
  readonly controlUrl?: string;
  cluster(name: string): SimCluster;
  kubeconfig(): KubeconfigDoc;
  writeKubeconfig(path: string): Promise<void>;
  stop(): Promise<void>;
}

const demoNames = ['prod-eu', 'prod-us', 'staging'];

export function clusterNames(clusters: number | readonly string[] = 3): string[] {
  if (typeof clusters !== 'number') return [...clusters];
  if (!Number.isInteger(clusters) || clusters < 1) throw new Error(`clusters must be a positive whole number, got ${clusters}`);
  return Array.from({ length: clusters }, (_, i) => demoNames[i] ?? `cluster-${String(i + 1).padStart(2, '0')}`);
}

export async function startSimFleet(opts: SimFleetOptions = {}): Promise<SimFleet> {
  const clock = opts.clock ?? createClock({ speed: opts.speed ?? 1 });
  const names = clusterNames(opts.clusters);
  const started: SimCluster[] = [];
  let control: ControlServer | undefined;
  const stop = async () => {
    await control?.close();
    await Promise.all(started.map((c) => c.stop()));
  };
  try {
    for (const [i, name] of names.entries()) {
      const clusterOpts: SimClusterOptions = {
        name,
        clock,
        host: opts.host,
        port: opts.basePort ? opts.basePort + i : 0,
        historyLimit: opts.historyLimit,
        bookmarkIntervalMs: opts.bookmarkIntervalMs,
        controllers: opts.controllers,
      };
      const cluster = await startSimCluster(clusterOpts);
      started.push(cluster);
      seed(cluster, i, opts.seed ?? 'demo');
    }
    if (opts.controlPort !== undefined && opts.controlPort !== false) {
      control = await startControlServer({ clusters: started, host: opts.host, port: opts.controlPort });
    }
  } catch (err) {
    await stop();
    throw err;
  }
  return {
    clusters: started,
    clock,
    controlUrl: control?.url,
    cluster(name) {
      const found = started.find((c) => c.name === name);
      if (!found) throw new Error(`no simulated cluster named ${name}`);
      return found;
    },
    kubeconfig: () => kubeconfigFor(started),
    writeKubeconfig: (path) => writeKubeconfig(path, kubeconfigFor(started)),
    stop,
  };
}

function seed(cluster: SimCluster, index: number, how: NonNullable<SimFleetOptions['seed']>): void {
  if (how === 'empty') return;
  if (how === 'demo') seedDemoCluster(cluster.store, { cluster: cluster.name, index });
  else seedGeneratedCluster(cluster.store, { ...how, cluster: cluster.name, index });
}
