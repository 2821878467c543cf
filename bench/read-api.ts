// The read API at fleet scale: 20 clusters × 500 deployments × 3 pods on the simulator.
// 1. A nested query, with per-request loaders and with batching switched off: kube requests
//    and median latency.
// 2. A fleet-wide image search: the gateway's median time against
//    `kubectl get deploy -A -o json` over every context of the same kubeconfig.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { kubeconfigFileSource } from '../src/fleet/index.js';
import { startBenchGateway } from './gateway.js';
import { type SimProcess, spawnSim } from './sim-process.js';
import { median, timed } from './stats.js';

const run = promisify(execFile);

export const NESTED = `{ clusters { name hosts { name pods { name } } workloads(first: 100) { nodes { name pods { name host { name } } } } } }`;
const IMAGE_SEARCH = `{ workloads(filter: { image: "acme/billing" }, first: 1000) { totalCount nodes { name namespace cluster { name } } } }`;

interface Gateway {
  url: string;
  stop(): Promise<void>;
}

async function gatewayOn(sim: SimProcess, batching: boolean): Promise<Gateway> {
  return startBenchGateway({
    clusters: kubeconfigFileSource(sim.kubeconfig, { timeoutMs: 300_000 }),
    clusterConcurrency: 20,
    // The unbatched run takes minutes by design: past QUERY_TIMEOUT_MS's default, which it measures beside.
    limits: { timeoutMs: 600_000 },
    batching,
  });
}

async function post(url: string, query: string): Promise<void> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
  const body = (await response.json()) as { errors?: unknown[] };
  if (body.errors) throw new Error(`query failed: ${JSON.stringify(body.errors).slice(0, 300)}`);
}

async function measure(sim: SimProcess, runs: number, once: () => Promise<void>): Promise<{ requests: number; medianMs: number }> {
  const times: number[] = [];
  await sim.resetCounters();
  for (let i = 0; i < runs; i++) times.push((await timed(once)).ms);
  return { requests: Math.round((await sim.requests()) / runs), medianMs: median(times) };
}

export async function readApi({ clusters = 20, deployments = 500, replicas = 3, runs = 5 } = {}): Promise<void> {
  const fleet = await spawnSim({ clusters, nodes: 10, namespaces: 10, deployments, replicas });
  const batched = await gatewayOn(fleet, true);
  const unbatched = await gatewayOn(fleet, false);
  try {
    console.log(`read API: ${clusters} clusters × ${deployments} deployments × ${replicas} pods`);
    await post(batched.url, NESTED); // warm-up: schema, connections
    const withLoaders = await measure(fleet, runs, () => post(batched.url, NESTED));
    const without = await measure(fleet, 1, () => post(unbatched.url, NESTED));
    console.log('  nested query  clusters { hosts { pods } workloads(first: 100) { pods { host } } }');
    console.log(`    with loaders       ${String(withLoaders.requests).padStart(6)} kube requests   median ${withLoaders.medianMs.toFixed(0)} ms`);
    console.log(`    batching off       ${String(without.requests).padStart(6)} kube requests   ${without.medianMs.toFixed(0)} ms (one run)`);
    console.log(`    ratio              ${(without.requests / withLoaders.requests).toFixed(1)}× requests, ${(without.medianMs / withLoaders.medianMs).toFixed(1)}× time`);

    const kubeconfig = fleet.kubeconfig;
    const search = await measure(fleet, runs, () => post(batched.url, IMAGE_SEARCH));
    const kubectlOnce = async (parallel: boolean) => {
      const one = (name: string) => run('kubectl', ['--kubeconfig', kubeconfig, '--context', name, 'get', 'deploy', '-A', '-o', 'json'], { maxBuffer: 1 << 30 });
      if (parallel) await Promise.all(fleet.clusters.map((c) => one(c)));
      else for (const c of fleet.clusters) await one(c);
    };
    const sequential = await measure(fleet, 3, () => kubectlOnce(false));
    const parallel = await measure(fleet, 3, () => kubectlOnce(true));
    console.log('  fleet-wide image search  workloads(filter: { image: "acme/billing" })');
    console.log(`    gateway                          median ${search.medianMs.toFixed(0)} ms`);
    console.log(`    kubectl get deploy -A -o json, one context after another   median ${sequential.medianMs.toFixed(0)} ms  (${(sequential.medianMs / search.medianMs).toFixed(1)}× the gateway)`);
    console.log(`    kubectl get deploy -A -o json, every context at once       median ${parallel.medianMs.toFixed(0)} ms  (${(parallel.medianMs / search.medianMs).toFixed(1)}× the gateway)`);
  } finally {
    await unbatched.stop();
    await batched.stop();
    await fleet.stop();
  }
}
