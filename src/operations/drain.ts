// `kubectl drain --ignore-daemonsets` for one node: evict its pods until none is left,
// retrying evictions a disruption budget refuses (429) with backoff.
import { type ClusterClient, KubeCallError } from '../kube/index.js';
import { backoffDelay, NO_JITTER } from '../timing/index.js';
import { evictablePods } from './changes.js';
import type { RunnerContext } from './runner-context.js';
import { TargetFailure } from './runner-context.js';

export interface DrainArgs {
  run: RunnerContext;
  client: ClusterClient;
  node: string;
  /** epoch ms after which the drain gives up */
  deadline: number;
  /** first wait after a refused eviction, doubled up to maxBackoffMs; default run.pollMs */
  backoffMs?: number;
  /** default 30 × backoffMs */
  maxBackoffMs?: number;
}

/** @throws TargetFailure when pods remain at the deadline */
export async function drainNode({ run, client, node, deadline, backoffMs = run.pollMs, maxBackoffMs = 30 * backoffMs }: DrainArgs): Promise<void> {
  // Refused evictions in a row; no jitter: one drain per host is no herd to spread.
  let refusals = 0;
  for (;;) {
    const { items } = await client.list('Pod', { fieldSelector: `spec.nodeName=${node}`, signal: run.signal });
    const pods = evictablePods(items);
    if (pods.length === 0) return;
    if (run.now().getTime() >= deadline) throw new TargetFailure(`could not drain ${node}: ${pods.length} pods left (${pods.map((p) => p.metadata?.name).join(', ')})`);
    let refused = false;
    for (const pod of pods) {
      try {
        await client.evict(pod.metadata?.name ?? '', pod.metadata?.namespace ?? '', run.signal);
      } catch (err) {
        const status = err instanceof KubeCallError && err.failure.kind === 'http' ? err.failure.status : undefined;
        // 429: a disruption budget says not now; 404: the pod went on its own.
        if (status === 429) refused = true;
        else if (status !== 404) throw err;
      }
    }
    refusals = refused ? refusals + 1 : 0;
    await run.sleep(refused ? backoffDelay({ attempt: refusals, baseMs: backoffMs, maxMs: maxBackoffMs, random: NO_JITTER }) : run.pollMs, run.signal);
  }
}
