// What a summary should say, counted in the test from the simulator's own objects (its stores),
// not through the gateway. Statuses are left out: they are checked against what the gateway's
// Workload.status and Host.status say (summary.test.ts), as the issue asks they agree.
import type { SimFleet } from '../../src/sim/fleet.js';
import { resourceByKind } from '../../src/sim/resources.js';

const WORKLOAD_KINDS = [
  ['DEPLOYMENT', 'Deployment'],
  ['STATEFULSET', 'StatefulSet'],
  ['DAEMONSET', 'DaemonSet'],
] as const;
const PHASES = ['Pending', 'Running', 'Succeeded', 'Failed', 'Unknown'];

export interface SimCounts {
  workloads: { total: number; byKind: { kind: string; count: number }[]; byCluster: { cluster: string; count: number }[]; byNamespace: { namespace: string; count: number }[] };
  hosts: { total: number; byCluster: { cluster: string; count: number }[] };
  pods: { total: number; ready: number; notReady: number; byPhase: { phase: string; count: number }[] };
}

/** The counts over `clusters` (in that order), of the namespaces `inNamespace` passes (hosts: all). */
export function simCounts(fleet: SimFleet, { clusters, inNamespace = () => true }: { clusters: readonly string[]; inNamespace?: (namespace: string) => boolean }): SimCounts {
  const namespaced = (kind: string, cluster: string) => fleet.cluster(cluster).store.list(resourceByKind(kind)).filter((o) => inNamespace(o.metadata.namespace ?? ''));
  const byNamespace = new Map<string, number>();
  const byKind = WORKLOAD_KINDS.map(([kind, kubeKind]) => ({ kind, count: clusters.reduce((n, c) => n + namespaced(kubeKind, c).length, 0) }));
  const byCluster = clusters.map((cluster) => {
    const objects = WORKLOAD_KINDS.flatMap(([, kubeKind]) => namespaced(kubeKind, cluster));
    for (const o of objects) byNamespace.set(o.metadata.namespace!, (byNamespace.get(o.metadata.namespace!) ?? 0) + 1);
    return { cluster, count: objects.length };
  });
  const hosts = clusters.map((cluster) => ({ cluster, count: fleet.cluster(cluster).store.list(resourceByKind('Node')).length }));
  const pods = clusters.flatMap((cluster) => namespaced('Pod', cluster));
  const conditions = (p: (typeof pods)[number]): { type: string; status: string }[] => p.status?.conditions ?? [];
  const ready = pods.filter((p) => conditions(p).some((c) => c.type === 'Ready' && c.status === 'True')).length;
  const phaseOf = (p: (typeof pods)[number]) => (p.status?.phase as string | undefined) ?? 'Pending';
  return {
    workloads: {
      total: byCluster.reduce((n, c) => n + c.count, 0),
      byKind,
      byCluster,
      byNamespace: [...byNamespace].sort(([a], [b]) => (a < b ? -1 : 1)).map(([namespace, count]) => ({ namespace, count })),
    },
    hosts: { total: hosts.reduce((n, c) => n + c.count, 0), byCluster: hosts },
    pods: { total: pods.length, ready, notReady: pods.length - ready, byPhase: PHASES.map((phase) => ({ phase, count: pods.filter((p) => phaseOf(p) === phase).length })) },
  };
}
