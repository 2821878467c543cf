// One cluster's upgrade plan over workload records: src/images compares containers, this
// ties each comparison back to its workload.
import { type ContainerComparison, type ImageField, type UpgradePlan, planUpgrades } from '../images/index.js';
import type { WorkloadRecord } from '../model/records.js';

/** The contract's ImageComparison: a container of a workload set against the posted image. */
export interface ImageComparisonRecord extends Omit<ContainerComparison, 'workloadKey'> {
  workload: WorkloadRecord;
}

export type WorkloadPlan = { [L in keyof UpgradePlan]: ImageComparisonRecord[] };

/**
 * Sorts the workloads' containers by what rolling `posted` out would do to each (see
 * planUpgrades), workloads in namespace, name, kind order and containers in manifest order
 * within each list, so the same fleet gives the same plan.
 * @throws ImageParseError when `posted` does not parse.
 */
export function planWorkloadUpgrades(workloads: readonly WorkloadRecord[], posted: string, filter?: readonly ImageField[]): WorkloadPlan {
  const ordered = [...workloads].sort(byNamespaceNameKind);
  const byKey = new Map(ordered.map((w) => [w.id, w]));
  const containers = ordered.flatMap((w) => w.containers.map((c) => ({ workloadKey: w.id, container: c.name, image: c.image })));
  const plan = planUpgrades(containers, posted, filter);
  const attach = (list: readonly ContainerComparison[]): ImageComparisonRecord[] =>
    list.map(({ workloadKey, ...comparison }) => ({ ...comparison, workload: byKey.get(workloadKey)! }));
  return { upgrade: attach(plan.upgrade), obsolete: attach(plan.obsolete), equal: attach(plan.equal), error: attach(plan.error) };
}

function byNamespaceNameKind(a: WorkloadRecord, b: WorkloadRecord): number {
  return compare(a.namespace, b.namespace) || compare(a.name, b.name) || compare(a.workloadKind, b.workloadKind);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
