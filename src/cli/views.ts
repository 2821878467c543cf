// How the main types show in a table.
import type { ClusterFieldsFragment, EnvironmentFieldsFragment, HostFieldsFragment, OperationFieldsFragment, OperationTargetFieldsFragment, WorkloadFieldsFragment } from '../client/index.js';
import { type Column, formatTable } from './output.js';

export const CLUSTER_COLUMNS: readonly Column<ClusterFieldsFragment>[] = [
  ['NAME', (c) => c.name],
  ['STATUS', (c) => c.status],
  ['VERSION', (c) => c.version],
  ['HOSTS', (c) => `${c.hostCounts.available}/${c.hostCounts.total}`],
  ['SOURCE', (c) => c.source],
  ['SERVER', (c) => c.server],
];

export const HOST_COLUMNS: readonly Column<HostFieldsFragment>[] = [
  ['CLUSTER', (h) => h.cluster.name],
  ['NAME', (h) => h.name],
  ['STATUS', (h) => h.status],
  ['ROLES', (h) => h.roles.join(',') || '-'],
  ['KUBELET', (h) => h.kubeletVersion],
  ['PODS', (h) => h.podCount],
];

export const WORKLOAD_COLUMNS: readonly Column<WorkloadFieldsFragment>[] = [
  ['CLUSTER', (w) => w.cluster.name],
  ['NAMESPACE', (w) => w.namespace],
  ['KIND', (w) => w.kind],
  ['NAME', (w) => w.name],
  ['STATUS', (w) => w.status],
  ['READY', (w) => `${w.readyReplicas}/${w.replicas}`],
  ['IMAGES', (w) => w.containers.map((c) => c.image).join(',')],
];

export const ENVIRONMENT_COLUMNS: readonly Column<EnvironmentFieldsFragment>[] = [
  ['NAME', (e) => e.name],
  ['NAMESPACE', (e) => e.namespace],
  ['CLUSTERS', (e) => e.clusters.map((c) => c.name).join(',')],
  ['HOSTS', (e) => e.hostNames.join(',') || '-'],
];

export const OPERATION_COLUMNS: readonly Column<OperationFieldsFragment>[] = [
  ['ID', (o) => o.id],
  ['KIND', (o) => o.kind],
  ['STATUS', (o) => o.status],
  ['TARGETS', (o) => `${finishedTargets(o)}/${o.targets.length}`],
  ['DRY_RUN', (o) => o.dryRun],
  ['REQUESTED_BY', (o) => o.requestedBy],
  ['CREATED', (o) => o.createdAt],
];

const TARGET_COLUMNS: readonly Column<OperationTargetFieldsFragment>[] = [
  ['CLUSTER', (t) => t.cluster],
  ['NAMESPACE', (t) => t.namespace],
  ['KIND', (t) => t.kind],
  ['NAME', (t) => t.name],
  ['STATUS', (t) => t.status],
  ['FROM', (t) => t.fromImage],
  ['TO', (t) => t.toImage],
  ['MESSAGE', (t) => t.message],
];

/** An operation: one summary line, then its targets. */
export function operationTable(op: OperationFieldsFragment): string {
  const summary = `operation ${op.id}  ${op.kind}  ${op.status}${op.dryRun ? '  (dry run)' : ''}  ${finishedTargets(op)}/${op.targets.length} targets${op.message ? `  ${op.message}` : ''}\n`;
  return summary + formatTable(op.targets, TARGET_COLUMNS);
}

export const isFinished = (status: string): boolean => status !== 'PENDING' && status !== 'RUNNING';

export function finishedTargets(op: OperationFieldsFragment): number {
  return op.targets.filter((t) => isFinished(t.status)).length;
}

export const targetName = (t: OperationTargetFieldsFragment): string => [t.cluster, t.namespace, t.name].filter(Boolean).join('/');
