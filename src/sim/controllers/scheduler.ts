// The default scheduler, reduced to its filters and a spreading score: a pending pod goes
// to a Ready node it fits (cordon, taints, node selector/affinity, pod capacity), preferring
// nodes with fewer pods of the same owner, then fewer pods. A pod that fits nowhere stays
// Pending with PodScheduled=False/Unschedulable and is retried when a node changes.
import { type KubeObject, objectKey } from '../objects.js';
import type { StoreEvent } from '../store.js';
import { setCondition } from './conditions.js';
import { sameJson } from './hash.js';
import { splitKey } from './indexes.js';
import { NODE, POD } from './kinds.js';
import { controllerOf } from './owners.js';
import { TAINT_NOT_READY, TAINT_UNSCHEDULABLE, isNodeReady, matchesNode, nodeTaints, untoleratedTaint } from './placement.js';
import { isActive } from './pods.js';
import type { Controller, Runtime } from './runtime.js';
import type { PodSpec } from './types.js';

const DEFAULT_SCHEDULER = 'default-scheduler';

export class Scheduler implements Controller {
  readonly name = 'scheduler';

  constructor(private readonly rt: Runtime) {}

  observe(event: StoreEvent): void {
    if (event.rt.kind === 'Pod') {
      if (event.type !== 'DELETED' && needsScheduling(event.object) && podChangeMatters(event)) this.rt.queue.add(this.name, keyOf(event.object));
    } else if (event.rt.kind === 'Node' && nodeChangeMatters(event)) {
      for (const pod of this.rt.unscheduledPods()) if (needsScheduling(pod)) this.rt.queue.add(this.name, keyOf(pod));
    }
  }

  reconcile(key: string): void {
    const { namespace, name } = splitKey(key);
    const pod = this.rt.store.get(POD, namespace, name);
    if (!pod || !needsScheduling(pod)) return;
    const spec: PodSpec = pod.spec;
    const verdicts = this.rt.store.list(NODE).map((node) => ({ node, problem: this.problemWith(spec, node) }));
    const fits = verdicts.filter((v) => !v.problem).map((v) => v.node);
    if (fits.length === 0) return this.unschedulable(pod, unschedulableMessage(verdicts.map((v) => v.problem!)));
    this.bind(pod, this.best(pod, fits));
  }

  stop(): void {}

  /** The first filter plugin that rejects the node, in the scheduler's wording; undefined if it fits. */
  private problemWith(spec: PodSpec, node: KubeObject): string | undefined {
    const tolerations = spec.tolerations ?? [];
    if (node.spec?.unschedulable && untoleratedTaint([{ key: TAINT_UNSCHEDULABLE, effect: 'NoSchedule' }], tolerations, ['NoSchedule'])) {
      return 'node(s) were unschedulable';
    }
    const taint = untoleratedTaint(nodeTaints(node), tolerations, ['NoSchedule', 'NoExecute']);
    if (taint) return `node(s) had untolerated taint {${taint.key}: ${taint.value ?? ''}}`;
    // A NotReady node not yet tainted: the lifecycle controller is about to taint it.
    if (!isNodeReady(node)) return `node(s) had untolerated taint {${TAINT_NOT_READY}: }`;
    if (!matchesNode(spec, node)) return "node(s) didn't match Pod's node affinity/selector";
    const capacity = Number(node.status?.allocatable?.pods);
    if (Number.isFinite(capacity) && this.rt.podCountOnNode(node.metadata.name) >= capacity) return 'Too many pods';
    return undefined;
  }

  /** Spread: fewest pods of the same controller, then fewest pods, then by name for determinism. */
  private best(pod: KubeObject, nodes: KubeObject[]): KubeObject {
    const siblings = new Map<string, number>();
    for (const p of this.rt.ownedPods(controllerOf(pod)?.uid)) {
      const node: unknown = p.spec?.nodeName;
      if (typeof node === 'string') siblings.set(node, (siblings.get(node) ?? 0) + 1);
    }
    const score = (n: KubeObject) => [siblings.get(n.metadata.name) ?? 0, this.rt.podCountOnNode(n.metadata.name)] as const;
    return nodes.reduce((best, n) => {
      const [a, b] = [score(n), score(best)];
      return a[0] < b[0] || (a[0] === b[0] && a[1] < b[1]) ? n : best;
    });
  }

  // Binding sets spec.nodeName, then the PodScheduled condition, as the API server's
  // binding subresource does.
  private bind(pod: KubeObject, node: KubeObject): void {
    const { namespace, name } = pod.metadata;
    const nodeName = node.metadata.name;
    this.rt.mutate(POD, namespace, name, (draft) => {
      draft.spec.nodeName = nodeName;
    });
    const now = this.rt.stamp();
    this.rt.updateStatus(POD, namespace, name, (current) => ({
      ...current.status,
      conditions: setCondition(current.status?.conditions, { type: 'PodScheduled', status: 'True', lastProbeTime: null }, now),
    }));
    const message = `Successfully assigned ${namespace}/${name} to ${nodeName}`;
    this.rt.events.record(pod, { type: 'Normal', reason: 'Scheduled', message, component: DEFAULT_SCHEDULER });
  }

  private unschedulable(pod: KubeObject, message: string): void {
    const now = this.rt.stamp();
    const cond = { type: 'PodScheduled', status: 'False' as const, reason: 'Unschedulable', message, lastProbeTime: null };
    this.rt.updateStatus(POD, pod.metadata.namespace, pod.metadata.name, (current) => ({
      phase: 'Pending',
      ...current.status,
      conditions: setCondition(current.status?.conditions, cond, now),
    }));
    this.rt.events.record(pod, { type: 'Warning', reason: 'FailedScheduling', message, component: DEFAULT_SCHEDULER });
  }
}

function keyOf(pod: KubeObject): string {
  return objectKey(pod.metadata.namespace, pod.metadata.name);
}

function needsScheduling(pod: KubeObject): boolean {
  return !pod.spec?.nodeName && isActive(pod) && (pod.spec?.schedulerName ?? DEFAULT_SCHEDULER) === DEFAULT_SCHEDULER;
}

/** A pending pod's own status writes (our Unschedulable verdict among them) change nothing to retry for. */
function podChangeMatters(event: StoreEvent): boolean {
  return event.type === 'ADDED' || !event.previous || !sameJson(event.previous.spec, event.object.spec);
}

/** Node writes that could let a pending pod fit; heartbeats are not among them. */
function nodeChangeMatters(event: StoreEvent): boolean {
  if (event.type === 'DELETED') return false;
  if (event.type === 'ADDED' || !event.previous) return true;
  return schedulingView(event.previous) !== schedulingView(event.object);
}

function schedulingView(node: KubeObject): string {
  return JSON.stringify([isNodeReady(node), node.spec?.unschedulable, node.spec?.taints, node.metadata.labels, node.status?.allocatable?.pods]);
}

/** FitError's message: a histogram of reasons, sorted as text, then the preemption verdict. */
function unschedulableMessage(problems: string[]): string {
  if (problems.length === 0) return 'no nodes available to schedule pods';
  const counts = new Map<string, number>();
  for (const p of problems) counts.set(p, (counts.get(p) ?? 0) + 1);
  const reasons = [...counts].map(([p, n]) => `${n} ${p}`).sort();
  const total = problems.length;
  return `0/${total} nodes are available: ${reasons.join(', ')}. preemption: 0/${total} nodes are available: ${total} Preemption is not helpful for scheduling.`;
}
