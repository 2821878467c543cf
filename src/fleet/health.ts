import { KubeCallError, type KubeList, type KubeNode, type KubeVersion } from '../kube/index.js';

export interface HostCounts {
  total: number;
  /** Hosts whose kubelet reports Ready; cordoned ones count, they still run their pods. */
  available: number;
  unavailable: number;
}

export type ReachableStatus = 'OK' | 'DEGRADED' | 'FAILED';
export type ClusterStatusKind = ReachableStatus | 'UNREACHABLE';

/** What one probe of a cluster found. `error` is set exactly when the cluster is UNREACHABLE. */
export type ClusterHealth =
  | { status: 'UNREACHABLE'; version: null; error: string; hostCounts: HostCounts }
  | { status: ReachableStatus; version: string; error: null; hostCounts: HostCounts };

const NO_HOSTS: HostCounts = { total: 0, available: 0, unavailable: 0 };

export function isNodeReady(node: KubeNode): boolean {
  return node.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false;
}

export function countHosts(nodes: readonly KubeNode[]): HostCounts {
  const available = nodes.filter(isNodeReady).length;
  return { total: nodes.length, available, unavailable: nodes.length - available };
}

/**
 * Status of a reachable cluster from its hosts. A cluster with no hosts is OK:
 * nothing in it is failing (a fresh control plane, node pools scaled to zero),
 * and hostCounts.total = 0 already says it has no capacity. FAILED is kept for
 * "hosts exist and none is ready", which is an outage.
 */
export function reachableStatus({ total, available }: HostCounts): ReachableStatus {
  if (available === total) return 'OK';
  return available === 0 ? 'FAILED' : 'DEGRADED';
}

/**
 * Combines the two calls a probe makes. Either failing makes the cluster UNREACHABLE,
 * so version and status are never reported from half an answer.
 */
export function healthFrom(
  version: PromiseSettledResult<KubeVersion>,
  nodes: PromiseSettledResult<KubeList<KubeNode>>,
): ClusterHealth {
  if (version.status === 'rejected') return unreachable(describe(version.reason));
  if (nodes.status === 'rejected') return unreachable(`listing nodes: ${describe(nodes.reason)}`);
  const hostCounts = countHosts(nodes.value.items);
  return { status: reachableStatus(hostCounts), version: version.value.gitVersion, error: null, hostCounts };
}

function unreachable(error: string): ClusterHealth {
  return { status: 'UNREACHABLE', version: null, error, hostCounts: NO_HOSTS };
}

// Only KubeCallError messages are written for clients; anything else stays in the logs.
function describe(reason: unknown): string {
  return reason instanceof KubeCallError ? reason.message : 'unexpected error';
}
