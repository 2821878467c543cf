// Targets, fixed when an operation starts: built here, pure, from what the fleet holds.
import type { KubeObjects } from '../kube/index.js';
import type { WorkloadRecord } from '../model/records.js';
import { KUBE_KIND_OF } from '../model/workload.js';
import type { ImageComparisonRecord } from '../upgrades/index.js';
import type { ContainerChange, OperationTarget, TargetProgress, TargetRef, WorkloadTarget } from './model.js';

/** A target not yet started: PENDING at step `planned`. */
export function plannedTarget(ref: TargetRef, more: Partial<TargetProgress> = {}): OperationTarget {
  return {
    ...ref,
    status: 'PENDING',
    fromImage: null,
    toImage: null,
    message: null,
    startedAt: null,
    finishedAt: null,
    step: 'planned',
    changes: [],
    previousRevision: null,
    ...more,
  };
}

/**
 * rolloutImage: one target per workload with a container classed UPGRADE, listing only those
 * containers. Clusters in `clusterOrder`; within one, the upgrade plan's order (namespace,
 * name, kind). fromImage lists the distinct images replaced.
 */
export function rolloutTargets(upgrades: readonly ImageComparisonRecord[], clusterOrder: readonly string[], image: string): OperationTarget[] {
  const byWorkload = new Map<string, { workload: WorkloadRecord; changes: ContainerChange[] }>();
  for (const { workload, container, image: from } of upgrades) {
    const entry = byWorkload.get(workload.id) ?? { workload, changes: [] };
    entry.changes.push({ container, from, to: image });
    byWorkload.set(workload.id, entry);
  }
  const targets = [...byWorkload.values()].map(({ workload, changes }) =>
    plannedTarget(workloadRef(workload), { changes, fromImage: [...new Set(changes.map((c) => c.from))].join(', '), toImage: image }),
  );
  return inClusterOrder(targets, clusterOrder);
}

/** restartWorkloads: one target per workload, clusters in `clusterOrder`, then namespace, name. */
export function restartTargets(workloads: readonly WorkloadRecord[], clusterOrder: readonly string[]): OperationTarget[] {
  const sorted = [...workloads].sort((a, b) => compare(a.namespace, b.namespace) || compare(a.name, b.name) || compare(a.workloadKind, b.workloadKind));
  const unique = [...new Map(sorted.map((w) => [w.id, w])).values()];
  return inClusterOrder(unique.map((w) => plannedTarget(workloadRef(w))), clusterOrder);
}

/** restartHosts: one target per node, in name order. */
export function hostTargets(cluster: string, nodes: readonly KubeObjects['Node'][]): OperationTarget[] {
  const names = nodes.map((n) => n.metadata?.name ?? '').sort(compare);
  return names.map((name) => plannedTarget({ cluster, kind: 'Node', namespace: null, name }));
}

export function workloadRef(w: WorkloadRecord): Pick<WorkloadTarget, 'cluster' | 'kind' | 'namespace' | 'name'> {
  return { cluster: w.cluster, kind: KUBE_KIND_OF[w.workloadKind], namespace: w.namespace, name: w.name };
}

/** Stable: targets of one cluster keep their order. */
export function inClusterOrder(targets: OperationTarget[], order: readonly string[]): OperationTarget[] {
  const rank = (cluster: string) => {
    const i = order.indexOf(cluster);
    return i < 0 ? order.length : i;
  };
  return targets.map((t, i) => ({ t, i })).sort((a, b) => rank(a.t.cluster) - rank(b.t.cluster) || a.i - b.i).map(({ t }) => t);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
