// Kubernetes nodes as the contract's hosts.
import type { KubeObjects } from '../kube/index.js';
import { findCondition, toConditionRecord } from './condition.js';
import { toGlobalId } from './ids.js';
import { parseQuantity, parseWholeQuantity } from './quantity.js';
import type { HostRecord, HostStatus } from './records.js';
import { kubeTime } from './kube-time.js';
import { perObject } from './per-object.js';

type KubeNode = KubeObjects['Node'];

/** Set (any value) to ask the node's kubelet to reboot; the kubelet removes it when the reboot starts. */
export const REBOOT_REQUESTED_ANNOTATION = 'fleetgraph.io/reboot-requested';
/** Set by a host-restart operation on each node it drains, for as long as it works on the node. */
export const RESTART_OPERATION_ANNOTATION = 'fleetgraph.io/restart-operation';

const ROLE_LABEL_PREFIX = 'node-role.kubernetes.io/';

/**
 * The contract's HostStatus, from the Ready condition, spec.unschedulable and the annotations above.
 *
 * RESTARTING is "drained and being restarted by an operation", seen through what the node itself
 * carries, so it holds across gateway restarts and for reboots asked by any tool:
 *  - a reboot is requested and not yet started (`reboot-requested` is set): whatever the kubelet
 *    still reports, the node is about to go down; or
 *  - an operation holds the node (`restart-operation` is set) and has cordoned it: from the drain
 *    through the reboot until the operation uncordons it, whatever the kubelet reports meanwhile.
 * So one restart reads ACTIVE → RESTARTING → ACTIVE and never flaps back: the gap between the
 * reboot agent dropping `reboot-requested` and the kubelet going NotReady (up to the node monitor's
 * grace period on a real cluster), and the moment the node is Ready again but not yet uncordoned,
 * are both still RESTARTING. The operation sets and clears the cordon and its mark in one patch.
 * Outside an operation a NotReady node is NOT_READY, cordoned or not.
 */
export function hostStatus(node: KubeNode): HostStatus {
  const annotations = node.metadata?.annotations ?? {};
  const unschedulable = node.spec?.unschedulable === true;
  const ready = findCondition(node.status?.conditions, 'Ready')?.status;
  if (annotations[REBOOT_REQUESTED_ANNOTATION] !== undefined) return 'RESTARTING';
  if (annotations[RESTART_OPERATION_ANNOTATION] !== undefined && unschedulable) return 'RESTARTING';
  switch (ready) {
    case 'True':
      return unschedulable ? 'CORDONED' : 'ACTIVE';
    case 'False':
      return 'NOT_READY';
    default:
      return 'UNKNOWN';
  }
}

/** Roles from `node-role.kubernetes.io/<role>` labels, sorted; the label's value is not used. */
export function hostRoles(labels: Readonly<Record<string, string>>): string[] {
  return Object.keys(labels)
    .filter((key) => key.startsWith(ROLE_LABEL_PREFIX) && key.length > ROLE_LABEL_PREFIX.length)
    .map((key) => key.slice(ROLE_LABEL_PREFIX.length))
    .sort();
}

/** The InternalIP, else the first address the node reports, else null. */
export function hostAddress(node: KubeNode): string | null {
  const addresses = node.status?.addresses ?? [];
  return (addresses.find((a) => a.type === 'InternalIP') ?? addresses[0])?.address ?? null;
}

function makeToHostRecord(cluster: string, node: KubeNode): HostRecord {
  const name = node.metadata?.name ?? '';
  const labels = node.metadata?.labels ?? {};
  const info = node.status?.nodeInfo;
  const conditions = node.status?.conditions ?? [];
  const ready = findCondition(conditions, 'Ready');
  return {
    kind: 'Host',
    id: toGlobalId('Host', cluster, name),
    cluster,
    name,
    address: hostAddress(node),
    status: hostStatus(node),
    ready: ready?.status === 'True',
    unschedulable: node.spec?.unschedulable === true,
    roles: hostRoles(labels),
    labels,
    annotations: node.metadata?.annotations ?? {},
    os: info?.operatingSystem || null,
    osImage: info?.osImage || null,
    kernelVersion: info?.kernelVersion || null,
    kubeletVersion: info?.kubeletVersion || null,
    containerRuntime: info?.containerRuntimeVersion || null,
    cpus: parseWholeQuantity(node.status?.capacity?.cpu),
    memoryBytes: parseQuantity(node.status?.capacity?.memory),
    lastHeartbeatAt: kubeTime(ready?.lastHeartbeatTime),
    conditions: conditions.map(toConditionRecord),
    createdAt: kubeTime(node.metadata?.creationTimestamp),
  };
}

/** ToHostRecord as made once per object (per-object.ts). */
export const toHostRecord = perObject(makeToHostRecord);
