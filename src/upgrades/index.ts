// Upgrade candidates across the fleet: which workloads a posted image would upgrade, per cluster.
export { planWorkloadUpgrades, type ImageComparisonRecord, type WorkloadPlan } from './workload-plan.js';
export {
  upgradeCandidates,
  type ClusterUpgradePlanRecord,
  type UpgradeCandidatesArgs,
  type UpgradeCandidatesOptions,
} from './candidates.js';
export { readClusterWorkloads } from './read.js';
