// How the simulator holds a large fleet: 20 clusters × 500 deployments × 3 pods in one
// process. Prints start-up time, memory, and the time to list every pod of one cluster
// through @kubernetes/client-node (paged as kubectl pages) and in one unpaged call.
import { CoreV1Api, KubeConfig } from '@kubernetes/client-node';
import { startSimFleet } from '../src/sim/fleet.js';
import { resourceByKind } from '../src/sim/resources.js';
import { median, mib, timed } from './stats.js';

export async function simScale({ clusters = 20, deployments = 500, replicas = 3, nodes = 10 } = {}): Promise<void> {
  const before = process.memoryUsage();
  const { value: fleet, ms: startMs } = await timed(() =>
    startSimFleet({ clusters, seed: { kind: 'generate', nodes, namespaces: 10, deployments, replicas }, speed: 1, controllers: { podStartupMs: 200 } }),
  );
  try {
    const store = fleet.clusters[0]!.store;
    const pods = () => store.count(resourceByKind('Pod'));
    // Pods are created at once but start on the simulated clock: wait until all run.
    const ready = () => store.list(resourceByKind('Pod')).every((p) => p.status?.phase === 'Running');
    while (pods() < deployments * replicas || !ready()) await new Promise((r) => setTimeout(r, 100));
    global.gc?.();
    const after = process.memoryUsage();
    const kc = new KubeConfig();
    kc.loadFromString(JSON.stringify(fleet.kubeconfig()));
    const core = kc.makeApiClient(CoreV1Api);
    const paged = async () => {
      let count = 0;
      let token: string | undefined;
      do {
        const page = await core.listPodForAllNamespaces({ limit: 500, _continue: token });
        count += page.items.length;
        token = page.metadata?._continue || undefined;
      } while (token);
      return count;
    };
    const runs = async (fn: () => Promise<number>) => {
      const times: number[] = [];
      let count = 0;
      for (let i = 0; i < 7; i++) times.push((await timed(async () => (count = await fn()))).ms);
      return { count, median: median(times) };
    };
    const pagedRun = await runs(paged);
    const wholeRun = await runs(async () => (await core.listPodForAllNamespaces()).items.length);
    const objects = fleet.clusters.reduce((n, c) => n + ['Pod', 'ReplicaSet', 'Deployment', 'Node'].reduce((m, k) => m + c.store.count(resourceByKind(k)), 0), 0);
    console.log(`simulator scale: ${clusters} clusters × ${deployments} deployments × ${replicas} pods (${objects} objects)`);
    console.log(`  start-up until every pod runs   ${(startMs / 1000).toFixed(1)} s to serve, then settled`);
    console.log(`  memory (rss / heap used)        ${mib(after.rss)} / ${mib(after.heapUsed)} MiB (was ${mib(before.rss)} / ${mib(before.heapUsed)})`);
    console.log(`  list every pod of one cluster   ${pagedRun.count} pods: median ${pagedRun.median.toFixed(0)} ms paged by 500, ${wholeRun.median.toFixed(0)} ms in one call`);
  } finally {
    await fleet.stop();
  }
}
