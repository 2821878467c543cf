// Subscriptions under load: events per second and the delay from a write to the simulator's
// store to its arrival at a graphql-ws client, with 1, 100 and 1000 subscribers of
// `resourceChanged` on one gateway (all in this process, on loopback). Events/s counts deliveries
// (one change to one subscriber) from the first measured write to the last arrival.
// The clock starts when the benchmark writes to the store, so the figure covers the simulated
// API server's watch, the engine, the subscription resolvers, graphql-ws and the socket.
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { embeddedSource } from '../src/fleet/index.js';
import { startBenchGateway } from './gateway.js';
import { startSimFleet, type SimFleet } from '../src/sim/fleet.js';
import { resourceByKind } from '../src/sim/resources.js';
import { percentile } from './stats.js';

const CLUSTER = 'prod-eu';
const NAMESPACE = 'acme-production';
const DEPLOYMENT = 'api';
const SUBSCRIPTION = `subscription {
  resourceChanged(filter: { clusters: ["${CLUSTER}"], kinds: [DEPLOYMENT], namespaces: ["${NAMESPACE}"] }) {
    type cluster kind namespace name resourceVersion at
  }
}`;

interface Options {
  subscriberCounts?: readonly number[];
  /** writes per round, at most; fewer when that would mean more than `maxDeliveries` */
  changes?: number;
  /** bounds a round's length: writes × subscribers stays under this (but at least 20 writes) */
  maxDeliveries?: number;
  /** pause between writes */
  intervalMs?: number;
  /** subscriptions share sockets, as browser tabs of one app would not, to stay within fd limits */
  maxSockets?: number;
  /** a round gives up waiting for deliveries after this */
  roundTimeoutMs?: number;
}

type Deliver = (resourceVersion: string) => void;

export async function subscriptions({
  subscriberCounts = [1, 100, 1000],
  changes = 200,
  maxDeliveries = 20_000,
  intervalMs = 5,
  maxSockets = 50,
  roundTimeoutMs = 60_000,
}: Options = {}): Promise<void> {
  const fleet = await startSimFleet({ clusters: [CLUSTER], speed: 20 });
  const gateway = await startBenchGateway({ clusters: embeddedSource(fleet.kubeconfig(), { timeoutMs: 10_000 }) });
  console.log(`subscriptions: resourceChanged on one gateway; writes one every ${intervalMs} ms (or as fast as the shared event loop allows)`);
  console.log('  subscribers   writes  writes/s   events/s   delay p50   delay p99   lost');
  try {
    let step = 0;
    const write = () => writeLabel(fleet, ++step);
    for (const subscribers of subscriberCounts) {
      const writes = Math.max(20, Math.min(changes, Math.floor(maxDeliveries / subscribers)));
      const result = await round({ url: gateway.url.replace(/^http/, 'ws'), subscribers, changes: writes, intervalMs, maxSockets, roundTimeoutMs, write });
      const line = [
        String(subscribers).padStart(11),
        String(writes).padStart(8),
        result.writesPerSecond.toFixed(0).padStart(9),
        result.perSecond.toFixed(0).padStart(10),
        `${result.p50.toFixed(1)} ms`.padStart(11),
        `${result.p99.toFixed(1)} ms`.padStart(11),
        String(result.lost).padStart(6),
      ];
      console.log(`  ${line.join(' ')}`);
    }
  } finally {
    await gateway.stop();
    await fleet.stop();
  }
}

/** Writes a label on the deployment; returns the new resourceVersion. */
function writeLabel(fleet: SimFleet, step: number): string {
  const written = fleet.cluster(CLUSTER).store.mutate(resourceByKind('Deployment'), NAMESPACE, DEPLOYMENT, (draft) => {
    draft.metadata.labels = { ...draft.metadata.labels, 'bench-step': String(step) };
  });
  return String(written.metadata.resourceVersion);
}

interface RoundOptions {
  url: string;
  subscribers: number;
  changes: number;
  intervalMs: number;
  maxSockets: number;
  roundTimeoutMs: number;
  write: () => string;
}

async function round({ url, subscribers, changes, intervalMs, maxSockets, roundTimeoutMs, write }: RoundOptions) {
  const writtenAt = new Map<string, number>();
  const delays: number[] = [];
  const firstSeen = new Set<number>(); // subscribers that have seen anything: the warm-up's end
  let lastArrival = 0;
  const deliver = (subscriber: number): Deliver => (resourceVersion) => {
    firstSeen.add(subscriber);
    const at = writtenAt.get(resourceVersion);
    if (at === undefined) return; // a warm-up write, or a controller's own status update
    lastArrival = performance.now();
    delays.push(lastArrival - at);
  };
  const clients = Array.from({ length: Math.min(subscribers, maxSockets) }, () =>
    createClient({ url, webSocketImpl: WebSocket, lazy: false, retryAttempts: 0 }),
  );
  const disposers = Array.from({ length: subscribers }, (_, i) => subscribe(clients[i % clients.length]!, deliver(i)));
  try {
    // Warm-up: subscriptions are in place, and the engine's stream watching, once every
    // subscriber has seen a write.
    const warmDeadline = performance.now() + roundTimeoutMs;
    while (firstSeen.size < subscribers && performance.now() < warmDeadline) {
      write();
      await sleep(200);
    }
    const started = performance.now();
    for (let i = 0; i < changes; i++) {
      const before = performance.now();
      writtenAt.set(write(), before);
      await sleep(intervalMs);
    }
    const writesEnded = performance.now();
    const expected = changes * subscribers;
    const deadline = performance.now() + roundTimeoutMs;
    while (delays.length < expected && performance.now() < deadline) await sleep(20);
    return {
      perSecond: delays.length / ((lastArrival - started) / 1000),
      p50: percentile(delays, 50),
      p99: percentile(delays, 99),
      lost: expected - delays.length,
      writesPerSecond: changes / ((writesEnded - started) / 1000),
    };
  } finally {
    disposers.forEach((dispose) => dispose());
    await Promise.all(clients.map((client) => client.dispose()));
  }
}

function subscribe(client: Client, deliver: Deliver): () => void {
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
