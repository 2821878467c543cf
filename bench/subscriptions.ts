// Subscriptions under load (issue 11): N subscribers of one `resourceChanged` filter on one
// gateway, while a load generator in another process (bench/load-generator.ts) changes the
// watched deployment `rate` times a second through the simulator's Kubernetes API. Prints, per
// round: p50/p99 from the write leaving the generator to its arrival at a graphql-ws client,
// deliveries lost, and the watch requests the simulator answered per (cluster, resource)
// during the round: one each, whatever the number of subscribers, when the watch is shared.
// Each round has its own simulated fleet and gateway, so no stream lingers from the one before.
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { embeddedSource } from '../src/fleet/index.js';
import { startBenchGateway } from './gateway.js';
import { startSimFleet, type SimFleet } from '../src/sim/fleet.js';
import { resourceByKind } from '../src/sim/resources.js';
import type { LoadOptions } from './load-generator.js';
import { percentile } from './stats.js';

const CLUSTER = 'prod-eu';
const NAMESPACE = 'acme-production';
const DEPLOYMENT = 'api';
const SUBSCRIPTION = `subscription {
  resourceChanged(filter: { clusters: ["${CLUSTER}"], kinds: [DEPLOYMENT], namespaces: ["${NAMESPACE}"] }) {
    type cluster kind namespace name resourceVersion at
  }
}`;
const generator = fileURLToPath(new URL('./load-generator.js', import.meta.url));
const now = () => performance.timeOrigin + performance.now();

interface Options {
  subscriberCounts?: readonly number[];
  /** changes per second, from the load generator */
  rate?: number;
  /** changes per round */
  changes?: number;
  /** subscriptions share sockets, as browser tabs of one app would not, to stay within fd limits */
  maxSockets?: number;
  /** a round gives up waiting for deliveries this long after its last write */
  drainMs?: number;
}

export async function subscriptions({ subscriberCounts = [100, 1000], rate = 20, changes = 200, maxSockets = 50, drainMs = 10_000 }: Options = {}): Promise<void> {
  console.log(`subscriptions: resourceChanged on one gateway; ${changes} changes at ${rate}/s from a load generator in another process`);
  console.log('  subscribers  changes   delay p50   delay p99     lost  watch requests at the simulator');
  for (const subscribers of subscriberCounts) {
    const fleet = await startSimFleet({ clusters: [CLUSTER], speed: 20 });
    const gateway = await startBenchGateway({ clusters: embeddedSource(fleet.kubeconfig(), { timeoutMs: 10_000 }) });
    try {
      fleet.clusters.forEach((c) => c.counters.reset());
      const result = await round({ fleet, url: gateway.url.replace(/^http/, 'ws'), subscribers, rate, changes, maxSockets, drainMs });
      const watches = fleet.clusters.flatMap((c) => Object.entries(c.counters.snapshot()).filter(([key]) => key.startsWith('watch ')).map(([key, n]) => `${c.name} ${key.slice(6)}: ${n}`));
      const line = [
        String(subscribers).padStart(11),
        String(changes).padStart(8),
        `${result.p50.toFixed(1)} ms`.padStart(11),
        `${result.p99.toFixed(1)} ms`.padStart(11),
        String(result.lost).padStart(8),
        ` ${watches.join(', ')}`,
      ];
      console.log(`  ${line.join(' ')}`);
    } finally {
      await gateway.stop();
      await fleet.stop();
    }
  }
}

interface RoundOptions {
  fleet: SimFleet;
  url: string;
  subscribers: number;
  rate: number;
  changes: number;
  maxSockets: number;
  drainMs: number;
}

async function round({ fleet, url, subscribers, rate, changes, maxSockets, drainMs }: RoundOptions) {
  const arrivals = new Map<string, number[]>(); // resourceVersion → arrival times
  const firstSeen = new Set<number>(); // subscribers that have seen anything: the warm-up's end
  const clients = Array.from({ length: Math.min(subscribers, maxSockets) }, () => createClient({ url, webSocketImpl: WebSocket, lazy: false, retryAttempts: 0 }));
  const deliver = (subscriber: number) => (resourceVersion: string) => {
    const at = now();
    firstSeen.add(subscriber);
    const list = arrivals.get(resourceVersion);
    if (list) list.push(at);
    else arrivals.set(resourceVersion, [at]);
  };
  const disposers = Array.from({ length: subscribers }, (_, i) => subscribe(clients[i % clients.length]!, deliver(i)));
  try {
    // Warm-up: subscriptions are in place, and the stream watching, once every subscriber has seen a write.
    for (let step = 0; firstSeen.size < subscribers; step++) {
      if (step > 300) throw new Error(`only ${firstSeen.size} of ${subscribers} subscribers ever saw a change`);
      writeLabel(fleet, step);
      await sleep(200);
    }
    const written = await generate({ server: fleet.cluster(CLUSTER).url, token: `sim-token-${CLUSTER}`, namespace: NAMESPACE, name: DEPLOYMENT, rate, count: changes });
    const expected = written.size * subscribers;
    const delivered = () => [...written.keys()].reduce((n, rv) => n + (arrivals.get(rv)?.length ?? 0), 0);
    const deadline = performance.now() + drainMs;
    while (delivered() < expected && performance.now() < deadline) await sleep(20);
    const delays = [...written].flatMap(([rv, at]) => (arrivals.get(rv) ?? []).map((arrived) => arrived - at));
    return { p50: percentile(delays, 50), p99: percentile(delays, 99), lost: expected - delays.length };
  } finally {
    disposers.forEach((dispose) => dispose());
    await Promise.all(clients.map((client) => client.dispose()));
  }
}

/** Runs the load generator to its end; resolves with its writes, resourceVersion → time sent. */
async function generate(options: LoadOptions): Promise<Map<string, number>> {
  const child = spawn(process.execPath, [generator, JSON.stringify(options)], { stdio: ['ignore', 'pipe', 'inherit'] });
  const written = new Map<string, number>();
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  for await (const line of createInterface({ input: child.stdout })) {
    const { rv, at } = JSON.parse(line) as { rv: string; at: number };
    written.set(rv, at);
  }
  const code = await exited;
  if (code !== 0) throw new Error(`the load generator exited with ${code}`);
  return written;
}

/** A write from this process, for the warm-up only. */
function writeLabel(fleet: SimFleet, step: number): void {
  fleet.cluster(CLUSTER).store.mutate(resourceByKind('Deployment'), NAMESPACE, DEPLOYMENT, (draft) => {
    draft.metadata.labels = { ...draft.metadata.labels, 'bench-warm': String(step) };
  });
}

function subscribe(client: Client, deliver: (resourceVersion: string) => void): () => void {
  return client.subscribe<{ resourceChanged: { resourceVersion: string } }>(
    { query: SUBSCRIPTION },
    {
      next: ({ data, errors }) => {
        if (errors) console.error('  subscription error:', JSON.stringify(errors).slice(0, 300));
        if (data) deliver(data.resourceChanged.resourceVersion);
      },
      error: (err) => console.error('  subscription failed:', err),
      complete: () => {},
    },
  );
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
