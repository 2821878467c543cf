// Nodes: the kubelet's registration and heartbeats, reboots on request, and the taints the
// node lifecycle controller keeps in step with cordoning and readiness.
import { createHash, randomUUID } from 'node:crypto';
import type { Cancel } from '../clock.js';
import type { KubeObject } from '../objects.js';
import type { StoreEvent } from '../store.js';
import { findCondition, setCondition } from './conditions.js';
import { sameJson } from './hash.js';
import { NODE } from './kinds.js';
import { TAINT_NOT_READY, TAINT_UNSCHEDULABLE, isNodeReady, nodeTaints } from './placement.js';
import type { Controller, Runtime } from './runtime.js';
import type { Condition, Taint } from './types.js';

/** Set (any value) to ask for a reboot; removed when the reboot starts. */
export const REBOOT_REQUESTED = 'fleetgraph.io/reboot-requested';
/** When the node last came back from a reboot (RFC 3339). */
export const LAST_REBOOT = 'fleetgraph.io/last-reboot';

const REBOOTING_MESSAGE = 'node is rebooting';
const READY: Omit<Condition, 'lastTransitionTime'> = { type: 'Ready', status: 'True', reason: 'KubeletReady', message: 'kubelet is posting ready status' };
const NOT_READY: Omit<Condition, 'lastTransitionTime'> = { type: 'Ready', status: 'False', reason: 'KubeletNotReady', message: REBOOTING_MESSAGE };
const PRESSURES: Omit<Condition, 'lastTransitionTime'>[] = [
  { type: 'MemoryPressure', status: 'False', reason: 'KubeletHasSufficientMemory', message: 'kubelet has sufficient memory available' },
  { type: 'DiskPressure', status: 'False', reason: 'KubeletHasNoDiskPressure', message: 'kubelet has no disk pressure' },
  { type: 'PIDPressure', status: 'False', reason: 'KubeletHasSufficientPID', message: 'kubelet has sufficient PID available' },
];

export class NodeController implements Controller {
  readonly name = 'node';
  /** nodes inside a reboot, with the timer that brings them back */
  private readonly rebooting = new Map<string, Cancel>();
  private readonly stopHeartbeat: Cancel;

  constructor(private readonly rt: Runtime) {
    this.stopHeartbeat = rt.clock.setInterval(() => this.heartbeat(), rt.settings.heartbeatMs);
  }

  observe(event: StoreEvent): void {
    if (event.rt.kind !== 'Node') return;
    const name = event.object.metadata.name;
    if (event.type === 'DELETED') {
      this.rebooting.get(name)?.();
      this.rebooting.delete(name);
    } else {
      this.rt.queue.add(this.name, name);
    }
  }

  reconcile(name: string): void {
    const node = this.rt.store.get(NODE, undefined, name);
    if (!node) return;
    if (node.metadata.annotations?.[REBOOT_REQUESTED] !== undefined) return this.startReboot(name);
    this.register(node);
    this.resumeReboot(node);
    this.syncTaints(name);
  }

  stop(): void {
    this.stopHeartbeat();
    for (const cancel of this.rebooting.values()) cancel();
    this.rebooting.clear();
  }

  /** What the kubelet reports when it registers, for nodes created without it. */
  private register(node: KubeObject): void {
    const now = this.rt.stamp();
    this.rt.mutate(
      NODE,
      undefined,
      node.metadata.name,
      (draft) => {
        const status = (draft.status ??= {});
        for (const cond of [...PRESSURES, READY]) {
          if (!findCondition(status.conditions, cond.type)) status.conditions = setCondition(status.conditions, { ...cond, lastHeartbeatTime: now }, now);
        }
        const addresses: { type: string; address: string }[] = (status.addresses ??= []);
        if (!addresses.some((a) => a.type === 'InternalIP')) addresses.unshift({ type: 'InternalIP', address: internalIpFor(node.metadata.name) });
        if (!addresses.some((a) => a.type === 'Hostname')) addresses.push({ type: 'Hostname', address: node.metadata.name });
      },
      { subresource: 'status' },
    );
  }

  // The kubelet goes away at once (NotReady) and comes back rebootMs later with a new boot id.
  private startReboot(name: string): void {
    this.rt.mutate(NODE, undefined, name, (draft) => {
      delete draft.metadata.annotations?.[REBOOT_REQUESTED];
    });
    this.rebooting.get(name)?.();
    this.rebooting.set(name, this.rt.clock.setTimeout(() => this.finishReboot(name), this.rt.settings.rebootMs));
    const node = this.setReady(name, false);
    if (node) this.record(node, 'Normal', 'NodeNotReady', `Node ${name} status is now: NodeNotReady`, 'node-controller');
  }

  private finishReboot(name: string): void {
    this.rebooting.delete(name);
    const node = this.setReady(name, true);
    if (!node) return;
    const at = this.rt.stamp();
    this.rt.mutate(NODE, undefined, name, (draft) => {
      draft.metadata.annotations = { ...draft.metadata.annotations, [LAST_REBOOT]: at };
    });
    this.record(node, 'Warning', 'Rebooted', `Node ${name} has been rebooted, boot id: ${node.status?.nodeInfo?.bootID ?? ''}`, 'kubelet');
    this.record(node, 'Normal', 'NodeReady', `Node ${name} status is now: NodeReady`, 'kubelet');
  }

  /** A node left NotReady by a reboot the controllers did not see finish (they were restarted). */
  private resumeReboot(node: KubeObject): void {
    const ready = findCondition(node.status?.conditions, 'Ready');
    if (ready?.status !== 'False' || ready.message !== REBOOTING_MESSAGE || this.rebooting.has(node.metadata.name)) return;
    const name = node.metadata.name;
    this.rebooting.set(name, this.rt.clock.setTimeout(() => this.finishReboot(name), this.rt.settings.rebootMs));
  }

  private setReady(name: string, ready: boolean): KubeObject | undefined {
    const now = this.rt.stamp();
    return this.rt.updateStatus(NODE, undefined, name, (current) => {
      const status = current.status ?? {};
      const conditions = setCondition(status.conditions, { ...(ready ? READY : NOT_READY), lastHeartbeatTime: now }, now);
      const nodeInfo = ready && status.nodeInfo ? { ...status.nodeInfo, bootID: randomUUID() } : status.nodeInfo;
      return { ...status, conditions, ...(nodeInfo ? { nodeInfo } : {}) };
    });
  }

  // One status write per node per heartbeat; controllers ignore node writes that change
  // nothing but heartbeat times, so this stays cheap.
  private heartbeat(): void {
    const now = this.rt.stamp();
    for (const node of this.rt.store.list(NODE)) {
      if (this.rebooting.has(node.metadata.name)) continue;
      this.rt.updateStatus(NODE, undefined, node.metadata.name, (current) => ({
        ...current.status,
        conditions: (current.status?.conditions ?? []).map((c: Condition) => ({ ...c, lastHeartbeatTime: now })),
      }));
    }
  }

  /** The node lifecycle controller's taints: unschedulable while cordoned, not-ready while NotReady. */
  private syncTaints(name: string): void {
    const node = this.rt.store.get(NODE, undefined, name);
    if (!node) return;
    const want: Taint[] = [];
    if (node.spec?.unschedulable) want.push({ key: TAINT_UNSCHEDULABLE, effect: 'NoSchedule' });
    if (!isNodeReady(node)) want.push({ key: TAINT_NOT_READY, effect: 'NoSchedule' }, { key: TAINT_NOT_READY, effect: 'NoExecute' });
    const current = nodeTaints(node);
    const managed = (t: Taint) => t.key === TAINT_UNSCHEDULABLE || t.key === TAINT_NOT_READY;
    const same = (a: Taint, b: Taint) => a.key === b.key && a.effect === b.effect;
    const now = this.rt.stamp();
    const next = [
      ...current.filter((t) => !managed(t) || want.some((w) => same(w, t))),
      ...want.filter((w) => !current.some((t) => same(t, w))).map((w) => ({ ...w, timeAdded: now })),
    ];
    if (sameJson(current, next)) return;
    this.rt.mutate(NODE, undefined, name, (draft) => {
      draft.spec ??= {};
      if (next.length > 0) draft.spec.taints = next;
      else delete draft.spec.taints;
    });
  }

  private record(node: KubeObject, type: 'Normal' | 'Warning', reason: string, message: string, component: string): void {
    this.rt.events.record(node, { type, reason, message, component, host: node.metadata.name });
  }
}

/** a stable made-up address for a node registered without one */
function internalIpFor(name: string): string {
  const h = createHash('sha256').update(name).digest();
  return `10.0.${h[0]}.${(h[1]! % 254) + 1}`;
}
