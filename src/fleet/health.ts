import { KubeCallError, type KubeList, type KubeNode, type KubeVersion } from '../kube/index.js';
import { hostStatus } from '../model/host.js';

export interface HostCounts {
  total: number;
  /**
   * Hosts that take work: Ready, schedulable and not being restarted (HostStatus ACTIVE). A
   * cordoned host still runs its pods but accepts no new ones, so it is not available.
   */
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
  const available = nodes.filter((node) => hostStatus(node) === 'ACTIVE').length;
  return { total: nodes.length, available, unavailable: nodes.length - available };
}

/**
 * Status of a reachable cluster from how many of its hosts are Ready (the contract's "every
 * host ready"; a cordoned host is ready, though not available). A cluster with no hosts is OK:
 * nothing in it is failing (a fresh control plane, node pools scaled to zero),
 * and hostCounts.total = 0 already says it has no capacity. FAILED is kept for
 * "hosts exist and none is ready", which is an outage.
 */
export function reachableStatus({ total, ready }: { total: number; ready: number }): ReachableStatus {
  if (ready === total) return 'OK';
  return ready === 0 ? 'FAILED' : 'DEGRADED';
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
  const ready = nodes.value.items.filter(isNodeReady).length;
  return { status: reachableStatus({ total: hostCounts.total, ready }), version: version.value.gitVersion, error: null, hostCounts };
}

function unreachable(error: string): ClusterHealth {
  return { status: 'UNREACHABLE', version: null, error, hostCounts: NO_HOSTS };
}

// Only KubeCallError messages are written for clients; anything else stays in the logs.
function describe(reason: unknown): string {
  return reason instanceof KubeCallError ? reason.message : 'unexpected error';
}
