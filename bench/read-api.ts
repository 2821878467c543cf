// The read API at fleet scale (issue 11): 20 clusters × 500 deployments × 3 pods on the
// simulator, in another process; the gateway in this one, reading through its watch cache.
// 1. A nested query: the cold first one (the cache lists), then warm ones (from the cache),
//    beside one run with batching switched off (no loaders, no cache): time and kube requests,
//    lists/gets apart from watches (watches stay open and resume: upkeep, not a query's cost).
// 2. A fleet-wide image search, warm, against `kubectl get deploy -A -o json` over every
//    context of the same kubeconfig.
// 3. How long a change made in a cluster takes to show in a query: a deployment's replicas set
//    through the cluster's API, then the gateway polled until it answers the new value.
// 4. The gateway's memory with the whole fleet cached, and what the cache holds.
import { execFile } from 'node:child_process';
import { loadavg } from 'node:os';
import { promisify } from 'node:util';
import type { CachedList } from '../src/cache/index.js';
import { kubeconfigFileSource } from '../src/fleet/index.js';
import { type BenchGateway, startBenchGateway } from './gateway.js';
import { type SimProcess, spawnSim } from './sim-process.js';
import { median, mib, percentile, timed } from './stats.js';

const run = promisify(execFile);

export const NESTED = `{ clusters { name hosts { name pods { name } } workloads(first: 100) { nodes { name pods { name host { name } } } } } }`;
const IMAGE_SEARCH = `{ workloads(filter: { image: "acme/billing" }, first: 1000) { totalCount nodes { name namespace cluster { name } } } }`;
const REPLICAS = `query ($ref: WorkloadRef!) { workload(ref: $ref) { replicas } }`;
/** namespaces per generated cluster: deployment N lives in org(N mod 10 + 1)-env */
const NAMESPACES = 10;

export interface ReadApiSize {
  clusters: number;
  deployments: number;
  replicas: number;
  /** warm runs per measured query */
  runs: number;
  /** changes timed from the cluster to a query */
  samples: number;
}

/** issue 11's fleet */
export const READ_API_FULL: ReadApiSize = { clusters: 20, deployments: 500, replicas: 3, runs: 5, samples: 50 };
/** BENCH_QUICK=1: the same measurements on a fleet small enough to run in a minute or two */
export const READ_API_QUICK: ReadApiSize = { clusters: 4, deployments: 100, replicas: 3, runs: 5, samples: 50 };

/** Figures printed before the read cache (branch cache), measured at READ_API_FULL's size. */
const BEFORE_THE_CACHE = { nestedMedianMs: 12_200, nestedRequests: 160, coldMs: 12_500, imageSearchMs: 1290 };

/** Requests the clusters answered, by what they cost: reads (lists and gets) apart from watches opened. */
interface Requests {
  reads: number;
  watches: number;
  other: number;
}

async function gatewayOn(sim: SimProcess, batching: boolean): Promise<BenchGateway> {
  return startBenchGateway({
    clusters: kubeconfigFileSource(sim.kubeconfig, { timeoutMs: 300_000 }),
    clusterConcurrency: 20,
    // The unbatched run takes minutes by design: past QUERY_TIMEOUT_MS's default, which it measures beside.
    limits: { timeoutMs: 600_000 },
    batching,
  });
}

async function post<T = unknown>(url: string, query: string, variables?: object): Promise<T> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
  const body = (await response.json()) as { data?: T; errors?: unknown[] };
  if (body.errors) throw new Error(`query failed: ${JSON.stringify(body.errors).slice(0, 300)}`);
  return body.data!;
}

async function requestsSince(sim: SimProcess): Promise<Requests> {
  const { list = 0, get = 0, watch = 0, ...rest } = await sim.requestsByVerb();
  return { reads: list + get, watches: watch, other: Object.values(rest).reduce((a, b) => a + b, 0) };
}

/** `runs` calls one after another: their median time and the requests they cost together. */
async function measure(sim: SimProcess, runs: number, once: () => Promise<unknown>): Promise<{ requests: Requests; medianMs: number }> {
  const times: number[] = [];
  await sim.resetCounters();
  for (let i = 0; i < runs; i++) times.push((await timed(once)).ms);
  return { requests: await requestsSince(sim), medianMs: median(times) };
}

export async function readApi(size: ReadApiSize = READ_API_FULL): Promise<void> {
  const { clusters, deployments, replicas, runs } = size;
  const full = clusters === READ_API_FULL.clusters && deployments === READ_API_FULL.deployments && replicas === READ_API_FULL.replicas;
  console.log(`read API: ${clusters} clusters × ${deployments} deployments × ${replicas} pods (${full ? 'full size' : 'BENCH_QUICK size; the full run is 20 × 500 × 3'})`);
  console.log(`  load average at start ${loadavg().map((n) => n.toFixed(2)).join(' ')}`);
  const fleet = await spawnSim({ clusters, nodes: 10, namespaces: NAMESPACES, deployments, replicas });
  try {
    const batched = await gatewayOn(fleet, true);
    let cached;
    try {
      cached = await cachedReads(fleet, batched, size);
    } finally {
      await batched.stop();
    }
    const unbatched = await gatewayOn(fleet, false);
    let off;
    try {
      off = await measure(fleet, 1, () => post(unbatched.url, NESTED));
    } finally {
      await unbatched.stop();
    }
    const kubectl = await kubectlSearch(fleet);
    printNested(cached, off, full, runs);
    printSearch(cached.search, kubectl, full);
    printFreshness(cached.freshness);
    printMemory(cached.memory);
    console.log(`  load average at end ${loadavg().map((n) => n.toFixed(2)).join(' ')}`);
  } finally {
    await fleet.stop();
  }
}

type Measured = Awaited<ReturnType<typeof measure>>;
type Cached = Awaited<ReturnType<typeof cachedReads>>;

/** Everything measured on the gateway with its cache, in the order a dashboard would meet it. */
async function cachedReads(fleet: SimProcess, gateway: BenchGateway, { runs, samples }: ReadApiSize) {
  const empty = memory();
  // Cold: the first query on a fresh gateway lists every kind it needs once and starts the watches.
  await fleet.resetCounters();
  const cold = await timed(() => post(gateway.url, NESTED));
  const coldRequests = await requestsSince(fleet);
  const warm = await measure(fleet, runs, () => post(gateway.url, NESTED));
  await post(gateway.url, IMAGE_SEARCH); // whatever kinds the search reads that the nested query did not
  const search = await measure(fleet, runs, () => post(gateway.url, IMAGE_SEARCH));
  const freshness = await changesShowing(fleet, gateway, samples);
  const full = memory();
  return { cold: { ms: cold.ms, requests: coldRequests }, warm, search, freshness, memory: { empty, full, lists: gateway.cache.lists() } };
}

function memory(): NodeJS.MemoryUsage {
  global.gc?.();
  return process.memoryUsage();
}

/**
 * Sets one deployment's replicas per sample (a different one each time, round the clusters)
 * and polls the gateway until it answers the new value: the time from the cluster's answer to
 * the write to the first query showing it.
 */
async function changesShowing(fleet: SimProcess, gateway: BenchGateway, samples: number): Promise<{ delays: number[]; polls: number; missed: number }> {
  const delays: number[] = [];
  let polls = 0;
  let missed = 0;
  for (let i = 0; i < samples; i++) {
    const cluster = fleet.clusters[i % fleet.clusters.length]!;
    const d = Math.floor(i / fleet.clusters.length);
    const ref = { cluster, kind: 'DEPLOYMENT', namespace: `org${(d % NAMESPACES) + 1}-env`, name: `app-${String(d).padStart(4, '0')}` };
    const { workload } = await post<{ workload: { replicas: number } }>(gateway.url, REPLICAS, { ref });
    const target = workload.replicas + 1;
    await fleet.scale({ cluster, namespace: ref.namespace, name: ref.name, replicas: target });
    const written = performance.now();
    for (;;) {
      polls++;
      const seen = await post<{ workload: { replicas: number } }>(gateway.url, REPLICAS, { ref });
      if (seen.workload.replicas === target) {
        delays.push(performance.now() - written);
        break;
      }
      if (performance.now() - written > 10_000) {
        missed++;
        break;
      }
    }
  }
  return { delays, polls, missed };
}

async function kubectlSearch(fleet: SimProcess): Promise<{ sequential: Measured; parallel: Measured }> {
  const one = (name: string) => run('kubectl', ['--kubeconfig', fleet.kubeconfig, '--context', name, 'get', 'deploy', '-A', '-o', 'json'], { maxBuffer: 1 << 30 });
  const sequential = await measure(fleet, 3, async () => {
    for (const c of fleet.clusters) await one(c);
  });
  const parallel = await measure(fleet, 3, () => Promise.all(fleet.clusters.map((c) => one(c))));
  return { sequential, parallel };
}

const ms = (n: number) => `${n.toFixed(0)} ms`;
const reads = (r: Requests) => `${r.reads} lists/gets, ${r.watches} watches opened${r.other ? `, ${r.other} other` : ''}`;

function printNested({ cold, warm }: Cached, off: Measured, full: boolean, runs: number): void {
  const before = BEFORE_THE_CACHE;
  console.log('  nested query  clusters { hosts { pods } workloads(first: 100) { pods { host } } }');
  console.log(`    cold, first query        ${ms(cold.ms).padStart(9)}            ${reads(cold.requests)}`);
  console.log(`    batching off (one run)   ${ms(off.medianMs).padStart(9)}            ${reads(off.requests)}   (no loaders, no cache)`);
  console.log(`    cold / batching off      ${(cold.ms / off.medianMs).toFixed(2)}× the time`);
  console.log(`    warm, from the cache     ${ms(warm.medianMs).padStart(9)} median of ${runs}   ${reads(warm.requests)} in all ${runs} runs   (target ≤ 250 ms, 0 requests)`);
  const scale = full ? '' : ' at 20 × 500 × 3, not this size';
  console.log(`    before the cache${scale}: with loaders median ${(before.nestedMedianMs / 1000).toFixed(1)} s, ${before.nestedRequests} requests a query; cold first query ~${(before.coldMs / 1000).toFixed(1)} s`);
  if (full) {
    console.log(`    against before the cache: cold ${(cold.ms / before.coldMs).toFixed(2)}× the time, warm ${(before.nestedMedianMs / warm.medianMs).toFixed(0)}× faster`);
  }
}

function printSearch(search: Measured, kubectl: { sequential: Measured; parallel: Measured }, full: boolean): void {
  const before = full ? `before the cache ${(BEFORE_THE_CACHE.imageSearchMs / 1000).toFixed(2)} s, ${(BEFORE_THE_CACHE.imageSearchMs / search.medianMs).toFixed(1)}× this` : `before the cache ${(BEFORE_THE_CACHE.imageSearchMs / 1000).toFixed(2)} s at 20 × 500 × 3`;
  console.log('  fleet-wide image search  workloads(filter: { image: "acme/billing" })');
  console.log(`    gateway, warm            ${ms(search.medianMs).padStart(9)} median   ${reads(search.requests)}   (target ≤ 50 ms; ${before})`);
  console.log(`    kubectl get deploy -A -o json, one context after another   median ${ms(kubectl.sequential.medianMs)}  (${(kubectl.sequential.medianMs / search.medianMs).toFixed(1)}× the gateway)`);
  console.log(`    kubectl get deploy -A -o json, every context at once       median ${ms(kubectl.parallel.medianMs)}  (${(kubectl.parallel.medianMs / search.medianMs).toFixed(1)}× the gateway)`);
}

function printFreshness({ delays, polls, missed }: Cached['freshness']): void {
  console.log('  a change showing in a query  deployment replicas set through the cluster API, then workload(ref) { replicas } polled');
  console.log(
    `    ${delays.length} samples   p50 ${percentile(delays, 50).toFixed(1)} ms   p99 ${percentile(delays, 99).toFixed(1)} ms   max ${Math.max(...delays).toFixed(1)} ms` +
      `   (from the cluster's answer to the write; ${(polls / Math.max(1, delays.length + missed)).toFixed(1)} polls a sample${missed ? `; ${missed} not seen within 10 s` : ''})`,
  );
}

function printMemory({ empty, full, lists }: Cached['memory']): void {
  console.log('  gateway memory, whole fleet cached (after a forced GC; the simulator is another process)');
  const figures = (m: NodeJS.MemoryUsage) => `rss ${mib(m.rss)} MiB, heap used ${mib(m.heapUsed)} of ${mib(m.heapTotal)} MiB, external ${mib(m.external)} MiB`;
  console.log(`    ${figures(full)}   (aim ≤ 600 MB)`);
  console.log(`    before the first query: ${figures(empty)}`);
  console.log(`    cache: ${describeCache(lists)}`);
}

/** objects per kind over every cluster, and the phases its streams are in */
function describeCache(lists: readonly CachedList[]): string {
  const kinds = new Map<string, { streams: number; objects: number; phases: Set<string> }>();
  for (const { kind, objects, phase } of lists) {
    const entry = kinds.get(kind) ?? { streams: 0, objects: 0, phases: new Set<string>() };
    entry.streams++;
    entry.objects += objects ?? 0;
    entry.phases.add(phase);
    kinds.set(kind, entry);
  }
  const total = [...kinds.values()].reduce((n, k) => n + k.objects, 0);
  const each = [...kinds].map(([kind, k]) => `${kind} ${k.objects} (${k.streams} streams, ${[...k.phases].join('/')})`);
  return `${total} objects in ${lists.length} streams: ${each.join(', ')}`;
}
