// One simulated cluster: its object store, its API server, its controllers, its faults.
import type { Clock } from './clock.js';
import { RequestCounters } from './counters.js';
import { applyDefaults, startControllers, type ControllerOptions } from './controllers/index.js';
import { Faults } from './faults.js';
import { type ApiServer, startApiServer } from './api/server.js';
import { ObjectStore } from './store.js';
import { resourceByKind } from './resources.js';

export interface SimClusterOptions {
  name: string;
  clock: Clock;
  host?: string;
  /** fixed port; default 0 (any free port) */
  port?: number;
  /** watch history kept per cluster; default 10 000 events */
  historyLimit?: number;
  bookmarkIntervalMs?: number;
  controllers?: ControllerOptions;
}

export interface SimCluster {
  readonly name: string;
  readonly url: string;
  readonly store: ObjectStore;
  readonly faults: Faults;
  readonly counters: RequestCounters;
  readonly api: ApiServer;
  /** cluster down: connections are refused until `up()` */
  down(): Promise<void>;
  up(): Promise<void>;
  /** ends every open watch; returns how many were open */
  cutWatches(): number;
  stop(): Promise<void>;
}

const systemNamespaces = ['default', 'kube-system', 'kube-public', 'kube-node-lease'];

export async function startSimCluster(opts: SimClusterOptions): Promise<SimCluster> {
  const store = new ObjectStore({ clock: opts.clock, historyLimit: opts.historyLimit, defaulter: applyDefaults });
  for (const name of systemNamespaces) {
    store.create(resourceByKind('Namespace'), { metadata: { name, labels: { 'kubernetes.io/metadata.name': name } }, spec: { finalizers: ['kubernetes'] }, status: { phase: 'Active' } });
  }
  const faults = new Faults();
  const counters = new RequestCounters();
  const stopControllers = startControllers({ store, clock: opts.clock, ...opts.controllers });
  const api = await startApiServer({ store, faults, counters, host: opts.host, bookmarkIntervalMs: opts.bookmarkIntervalMs, now: () => opts.clock.now() }, opts.port ?? 0);
  return {
    name: opts.name,
    url: api.url,
    store,
    faults,
    counters,
    api,
    down: () => api.goDown(),
    up: () => api.comeUp(),
    cutWatches: () => api.cutWatches(),
    async stop() {
      await api.close();
      stopControllers();
    },
  };
}
