// A change as the schema's ResourceEvent: the typed record built from the event's own object,
// with no further call to the cluster.
import { toHostRecord } from '../model/host.js';
import { toNamespaceRecord } from '../model/namespace.js';
import { toPodRecord } from '../model/pod.js';
import type { HostRecord, NamespaceRecord, PodRecord, WorkloadRecord } from '../model/records.js';
import { workloadRecord } from '../model/workload.js';
import type { ResourceStreamItem } from './initial-changes.js';
import { type ChangeType, type ResourceChange, type WatchedKind, typed } from './types.js';
import { assertNever } from '../lang/assert-never.js';

/** The contract's ResourceKind. */
export type ResourceKind = 'DEPLOYMENT' | 'STATEFULSET' | 'DAEMONSET' | 'POD' | 'HOST' | 'NAMESPACE';

export const RESOURCE_KINDS = {
  DEPLOYMENT: 'Deployment',
  STATEFULSET: 'StatefulSet',
  DAEMONSET: 'DaemonSet',
  POD: 'Pod',
  HOST: 'Node',
  NAMESPACE: 'Namespace',
} as const satisfies Record<ResourceKind, WatchedKind>;

const RESOURCE_KIND_OF = Object.fromEntries(Object.entries(RESOURCE_KINDS).map(([k, v]) => [v, k])) as Record<WatchedKind, ResourceKind>;

export type ResourceRecord = WorkloadRecord | PodRecord | HostRecord | NamespaceRecord;

/** The contract's ResourceEventType: a change, or the mark after an initial snapshot. */
export type ResourceEventType = ChangeType | 'SYNCED';

export interface ResourceEventRecord {
  type: ResourceEventType;
  cluster: string;
  kind: ResourceKind;
  namespace: string | null;
  name: string;
  resourceVersion: string;
  at: Date;
  /** null for SYNCED */
  resource: ResourceRecord | null;
}

/**
 * The schema's event. SYNCED is about no object, yet the contract's fields are non-null: it
 * carries an empty cluster, name and resourceVersion, and the filter's first kind.
 */
export function toResourceEvent(item: ResourceStreamItem): ResourceEventRecord {
  if (item.type === 'SYNCED') return { type: 'SYNCED', cluster: '', kind: RESOURCE_KIND_OF[item.kind], namespace: null, name: '', resourceVersion: '', at: item.at, resource: null };
  const { type, cluster, kind, namespace, name, resourceVersion, at } = item;
  return { type, cluster, kind: RESOURCE_KIND_OF[kind], namespace: namespace ?? null, name, resourceVersion, at, resource: resourceRecord(item) };
}

function resourceRecord(untyped: ResourceChange): ResourceRecord {
  const change = typed(untyped);
  const { cluster } = change;
  switch (change.kind) {
    case 'Deployment':
      return workloadRecord(cluster, 'DEPLOYMENT', change.object);
    case 'StatefulSet':
      return workloadRecord(cluster, 'STATEFULSET', change.object);
    case 'DaemonSet':
      return workloadRecord(cluster, 'DAEMONSET', change.object);
    case 'Pod':
      return toPodRecord(cluster, change.object);
    case 'Node':
      return toHostRecord(cluster, change.object);
    case 'Namespace':
      return toNamespaceRecord(cluster, change.object);
    default:
      return assertNever(change);
  }
}
