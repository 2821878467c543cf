// Counts across the fleet a caller sees (issue 11): `summary` and `summaryChanged`.
export { countFleet, summaryTarget, type SummaryFilter } from './count-fleet.js';
export { movesCounts, SUMMARY_INTERVAL_MS, SUMMARY_KINDS, summaryChanges, type SummaryChangesOptions } from './changes.js';
export type { ClusterCount, FleetSummaryRecord, HostSummary, NamespaceCount, PodSummary, SummaryTarget, WorkloadSummary } from './summary.js';
export { createTally, type Tally } from './tally.js';
