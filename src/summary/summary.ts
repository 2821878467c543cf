// Counts across the fleet a caller sees (issue 11's `summary`), shaped for the schema but free
// of GraphQL. Every list has a fixed order, so two summaries of the same fleet are equal
// value for value (summaryChanged compares them to send only what changed).
import type { HostStatus, WorkloadKind, WorkloadStatus } from '../model/records.js';

export interface ClusterCount {
  cluster: string;
  count: number;
}

export interface NamespaceCount {
  namespace: string;
  count: number;
}

export interface WorkloadSummary {
  total: number;
  /** every status, in the schema's order, zeros included */
  byStatus: { status: WorkloadStatus; count: number }[];
  /** every kind, in the schema's order, zeros included */
  byKind: { kind: WorkloadKind; count: number }[];
  /** every cluster counted (those that answered), in the registry's order, zeros included */
  byCluster: ClusterCount[];
  /** namespace names holding at least one, across clusters, by name */
  byNamespace: NamespaceCount[];
}

export interface HostSummary {
  total: number;
  byStatus: { status: HostStatus; count: number }[];
  byCluster: ClusterCount[];
}

export interface PodSummary {
  total: number;
  /** pods whose Ready condition is True */
  ready: number;
  notReady: number;
  /** the API's five phases in lifecycle order, zeros included; then any other phase seen, by name */
  byPhase: { phase: string; count: number }[];
}

export interface FleetSummaryRecord {
  workloads: WorkloadSummary;
  hosts: HostSummary;
  pods: PodSummary;
}

/** What a summary counts over: clusters by name (already resolved), namespaces by name (null: all). */
export interface SummaryTarget {
  clusters: readonly string[];
  /** workloads and pods of these namespaces only; hosts belong to no namespace and are all counted */
  namespaces: readonly string[] | null;
}
