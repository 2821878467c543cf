// The counting behind `summary`: one pass over each list, adding to counters. Statuses come
// from the same functions that give Workload.status, Host.status and Pod.phase/ready
// (src/model), so a count never disagrees with the objects a query lists.
import type { KubeObjects } from '../kube/index.js';
import { hostStatus } from '../model/host.js';
import { POD_PHASES, podPhase, podReady } from '../model/pod.js';
import { HOST_STATUSES, WORKLOAD_STATUSES, type HostStatus, type WorkloadKind, type WorkloadStatus } from '../model/records.js';
import { WORKLOAD_KINDS } from '../model/workload.js';
import type { ClusterCount, FleetSummaryRecord } from './summary.js';

type Namespaced = { metadata?: { namespace?: string } };

export interface Tally {
  /** A cluster that answered: it has its row in every byCluster, zero or not. Call in the order to show. */
  cluster(name: string): void;
  /** Workloads of one kind in one cluster; `status` is the kind's status function (src/model/workload-status.ts). */
  workloads<T extends Namespaced>(cluster: string, kind: WorkloadKind, objects: readonly T[], status: (object: T) => WorkloadStatus): void;
  hosts(cluster: string, nodes: readonly KubeObjects['Node'][]): void;
  pods(pods: readonly KubeObjects['Pod'][]): void;
  /** The counts so far. */
  summary(): FleetSummaryRecord;
}

/** Counters for one summary; `namespaces` (null: all) limits workloads and pods, never hosts. */
export function createTally({ namespaces }: { namespaces: readonly string[] | null }): Tally {
  const counted = (object: Namespaced) => namespaces === null || namespaces.includes(object.metadata?.namespace ?? '');
  const clusters: string[] = [];
  const workloads = { byStatus: new Map<WorkloadStatus, number>(), byKind: new Map<WorkloadKind, number>(), byCluster: new Map<string, number>(), byNamespace: new Map<string, number>() };
  const hosts = { byStatus: new Map<HostStatus, number>(), byCluster: new Map<string, number>() };
  const pods = { byPhase: new Map<string, number>(), ready: 0, total: 0 };

  return {
    cluster: (name) => void clusters.push(name),
    workloads(cluster, kind, objects, status) {
      let inCluster = 0;
      for (const object of objects) {
        if (!counted(object)) continue;
        inCluster++;
        add(workloads.byStatus, status(object));
        add(workloads.byNamespace, object.metadata?.namespace ?? '');
      }
      add(workloads.byKind, kind, inCluster);
      add(workloads.byCluster, cluster, inCluster);
    },
    hosts(cluster, nodes) {
      for (const node of nodes) add(hosts.byStatus, hostStatus(node));
      add(hosts.byCluster, cluster, nodes.length);
    },
    pods(list) {
      for (const pod of list) {
        if (!counted(pod)) continue;
        pods.total++;
        if (podReady(pod)) pods.ready++;
        add(pods.byPhase, podPhase(pod));
      }
    },
    summary: () => ({
      workloads: {
        total: sum(workloads.byKind),
        byStatus: WORKLOAD_STATUSES.map((status) => ({ status, count: workloads.byStatus.get(status) ?? 0 })),
        byKind: WORKLOAD_KINDS.map((kind) => ({ kind, count: workloads.byKind.get(kind) ?? 0 })),
        byCluster: perCluster(clusters, workloads.byCluster),
        byNamespace: [...workloads.byNamespace.keys()].sort().map((namespace) => ({ namespace, count: workloads.byNamespace.get(namespace)! })),
      },
      hosts: {
        total: sum(hosts.byCluster),
        byStatus: HOST_STATUSES.map((status) => ({ status, count: hosts.byStatus.get(status) ?? 0 })),
        byCluster: perCluster(clusters, hosts.byCluster),
      },
      pods: {
        total: pods.total,
        ready: pods.ready,
        notReady: pods.total - pods.ready,
        byPhase: phases(pods.byPhase).map((phase) => ({ phase, count: pods.byPhase.get(phase) ?? 0 })),
      },
    }),
  };
}

function add<K>(counts: Map<K, number>, key: K, n = 1): void {
  counts.set(key, (counts.get(key) ?? 0) + n);
}

function sum(counts: Map<unknown, number>): number {
  let total = 0;
  for (const n of counts.values()) total += n;
  return total;
}

function perCluster(clusters: readonly string[], counts: Map<string, number>): ClusterCount[] {
  return clusters.map((cluster) => ({ cluster, count: counts.get(cluster) ?? 0 }));
}

/** The API's phases, then any other a pod reported, by name. */
function phases(counts: Map<string, number>): string[] {
  const known: readonly string[] = POD_PHASES;
  return [...known, ...[...counts.keys()].filter((phase) => !known.includes(phase)).sort()];
}
