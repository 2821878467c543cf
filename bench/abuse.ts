// Abusive queries against the gateway's limits: how long each takes to be refused, how
// long a small query takes meanwhile, and the gateway's memory before and after the lot.
// The gateway and a simulated fleet of 3 clusters run in this process.
import { embeddedSource } from '../src/fleet/index.js';
import { startBenchGateway } from './gateway.js';
import { startSimFleet } from '../src/sim/fleet.js';
import { ABUSIVE } from './abusive-queries.js';
import { median, mib, timed } from './stats.js';

const SMALL = '{ clusters { name } }';

async function post(url: string, query: string): Promise<{ errors?: { extensions?: { code?: string } }[] }> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
  return (await response.json()) as { errors?: { extensions?: { code?: string } }[] };
}

function memory(): { rss: number; heap: number } {
  globalThis.gc?.();
  const { rss, heapUsed } = process.memoryUsage();
  return { rss, heap: heapUsed };
}

async function medianMs(runs: number, once: () => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) times.push((await timed(once)).ms);
  return median(times);
}

export async function abuse({ runs = 50 } = {}): Promise<void> {
  const fleet = await startSimFleet({ clusters: 3 });
  const gateway = await startBenchGateway({ clusters: embeddedSource(fleet.kubeconfig(), { timeoutMs: 5000 }) });
  try {
    await post(gateway.url, SMALL); // warm-up: schema, connections
    const alone = await medianMs(runs, () => post(gateway.url, SMALL));
    const before = memory();
    console.log(`abuse: each shape ${runs} times against 3 simulated clusters; a small query ${SMALL} alone: median ${alone.toFixed(1)} ms`);
    console.log(`  ${'shape'.padEnd(74)} ${'refused in'.padStart(10)}  ${'small query beside it'.padStart(21)}`);
    for (const { shape, query, limit } of ABUSIVE) {
      const answer = await post(gateway.url, query);
      if (answer.errors?.[0]?.extensions?.code !== 'QUERY_TOO_COMPLEX') throw new Error(`${shape} was not refused`);
      const refused = await medianMs(runs, () => post(gateway.url, query));
      const beside = await medianMs(runs, async () => (await Promise.all([timed(() => post(gateway.url, SMALL)), post(gateway.url, query)]))[0]);
      console.log(`  ${`${shape} [${limit}]`.padEnd(74)} ${`${refused.toFixed(1)} ms`.padStart(10)}  ${`${beside.toFixed(1)} ms (${(beside / alone).toFixed(1)}× alone)`.padStart(21)}`);
    }
    const after = memory();
    console.log(`  memory before: rss ${mib(before.rss)} MiB, heap ${mib(before.heap)} MiB; after ${ABUSIVE.length * runs * 3} abusive requests: rss ${mib(after.rss)} MiB (${(after.rss / before.rss).toFixed(2)}×), heap ${mib(after.heap)} MiB (${(after.heap / before.heap).toFixed(2)}×)`);
  } finally {
    await gateway.stop();
    await fleet.stop();
  }
}
