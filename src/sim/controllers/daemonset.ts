// DaemonSets: one pod on every node that should run it (node selector and affinity, taints —
// cordoned nodes included, as daemon pods tolerate that), none elsewhere, rolled over to a
// new template by the update strategy.
import { type KubeObject, objectKey } from '../objects.js';
import type { StoreEvent } from '../store.js';
import { HASH_LABEL, daemonPod, isUpdated, oldestFirst, placementOn, podsByNode } from './daemonset-pods.js';
import { type NodeState, fenceposts, planRollingUpdate } from './daemonset-update.js';
import { podTemplateHash } from './hash.js';
import { splitKey } from './indexes.js';
import { DAEMON_SET, NODE, POD } from './kinds.js';
import { controllerKeys, podChangeMatters } from './owners.js';
import { isNodeReady } from './placement.js';
import { availableAt, isAvailable, isReady } from './pods.js';
import { type RevisionKind, syncRevisions, truncateHistory } from './revisions.js';
import type { Controller, Runtime } from './runtime.js';
import { withoutZeros } from './status.js';

const COMPONENT = 'daemonset-controller';

const REVISIONS: RevisionKind = {
  hashLabel: HASH_LABEL,
  hash: (owner, _data, collisionCount) => podTemplateHash(owner.spec?.template, collisionCount),
};

export class DaemonSetController implements Controller {
  readonly name = 'daemonset';

  constructor(private readonly rt: Runtime) {}

  observe(event: StoreEvent): void {
    const { kind } = event.rt;
    if (kind === 'DaemonSet' && event.type !== 'DELETED') this.rt.queue.add(this.name, keyOf(event.object));
    else if (kind === 'Pod' && podChangeMatters(event)) for (const key of controllerKeys(event, 'DaemonSet')) this.rt.queue.add(this.name, key);
    else if (kind === 'Node' && nodeChangeMatters(event)) for (const ds of this.rt.store.list(DAEMON_SET)) this.rt.queue.add(this.name, keyOf(ds));
  }

  reconcile(key: string): void {
    const { namespace, name } = splitKey(key);
    const ds = this.rt.store.get(DAEMON_SET, namespace, name);
    if (!ds) return;
    const revisions = syncRevisions(this.rt, ds, REVISIONS);
    const hash: string = revisions.update.metadata.labels?.[HASH_LABEL] ?? '';
    if (!ds.metadata.deletionTimestamp) {
      this.manage(ds, hash);
      if ((ds.spec?.updateStrategy?.type ?? 'RollingUpdate') === 'RollingUpdate') this.rollingUpdate(ds, hash);
    }
    const nodes = this.nodeStates(ds);
    this.syncStatus(ds, nodes, hash, revisions.collisionCount);
    const hashes = new Set([hash, ...nodes.flatMap((n) => n.pods.map((p) => p.metadata.labels?.[HASH_LABEL] ?? ''))]);
    truncateHistory(this.rt, ds, (r) => hashes.has(r.metadata.labels?.[HASH_LABEL] ?? ''));
  }

  stop(): void {}

  private nodeStates(ds: KubeObject): NodeState[] {
    const pods = podsByNode(this.rt, ds);
    const nodes = this.rt.store.list(NODE).map((node) => ({ name: node.metadata.name, shouldRun: placementOn(ds, node).shouldRun, pods: pods.get(node.metadata.name) ?? [] }));
    return nodes;
  }

  /** podsShouldBeOnNode for every node; unbound pods pinned to a node that is gone can never run */
  private manage(ds: KubeObject, hash: string): void {
    const pods = podsByNode(this.rt, ds);
    const surge = fenceposts(ds, 1).maxSurge > 0;
    for (const node of this.rt.store.list(NODE)) {
      const here = pods.get(node.metadata.name) ?? [];
      pods.delete(node.metadata.name);
      const { shouldRun, shouldContinueRunning } = placementOn(ds, node);
      if (shouldRun && here.length === 0) this.createPod(ds, node.metadata.name, hash);
      else if (!shouldContinueRunning) here.forEach((p) => this.deletePod(ds, p));
      else this.deleteDuplicates(ds, here, hash, surge);
    }
    // (bound ones are PodGC's, which the kubelet plays)
    for (const orphaned of pods.values()) orphaned.filter((p) => !p.spec?.nodeName).forEach((p) => this.deletePod(ds, p));
  }

  /** One pod per node; while surging, one old and one new until the new one is available. */
  private deleteDuplicates(ds: KubeObject, pods: KubeObject[], hash: string, surge: boolean): void {
    if (pods.length <= 1) return;
    if (!surge) return [...pods].sort(oldestFirst).slice(1).forEach((p) => this.deletePod(ds, p));
    const fresh = pods.filter((p) => isUpdated(p, hash)).sort(oldestFirst);
    const old = pods.filter((p) => !isUpdated(p, hash)).sort(oldestFirst);
    const extra = [...fresh.slice(1), ...old.slice(1)];
    if (fresh[0] && old[0] && isAvailable(fresh[0], ds.spec?.minReadySeconds ?? 0, this.rt.now())) extra.push(old[0]);
    extra.forEach((p) => this.deletePod(ds, p));
  }

  private rollingUpdate(ds: KubeObject, hash: string): void {
    const plan = planRollingUpdate(ds, this.nodeStates(ds), hash, this.rt.now());
    plan.deletePods.forEach((p) => this.deletePod(ds, p));
    plan.surgeNodes.forEach((node) => this.createPod(ds, node, hash));
  }

  private createPod(ds: KubeObject, node: string, hash: string): void {
    const pod = this.rt.create(POD, daemonPod(ds, node, hash));
    this.record(ds, 'SuccessfulCreate', `Created pod: ${pod.metadata.name}`);
  }

  private deletePod(ds: KubeObject, pod: KubeObject): void {
    if (this.rt.remove(POD, pod.metadata.namespace, pod.metadata.name)) this.record(ds, 'SuccessfulDelete', `Deleted pod: ${pod.metadata.name}`);
  }

  private syncStatus(ds: KubeObject, nodes: NodeState[], hash: string, collisionCount: number | undefined): void {
    const now = this.rt.now();
    const mrs: number = ds.spec?.minReadySeconds ?? 0;
    const scheduled = nodes.filter((n) => n.shouldRun && n.pods.length > 0).map((n) => [...n.pods].sort(oldestFirst)[0]!);
    const desired = nodes.filter((n) => n.shouldRun).length;
    const available = scheduled.filter((p) => isAvailable(p, mrs, now)).length;
    const status = {
      ...ds.status,
      currentNumberScheduled: scheduled.length,
      numberMisscheduled: nodes.filter((n) => !n.shouldRun && n.pods.length > 0).length,
      desiredNumberScheduled: desired,
      numberReady: scheduled.filter(isReady).length,
      observedGeneration: ds.metadata.generation,
      updatedNumberScheduled: scheduled.filter((p) => isUpdated(p, hash)).length,
      numberAvailable: available,
      numberUnavailable: desired - available,
      ...(collisionCount !== undefined ? { collisionCount } : {}),
    };
    const omitEmpty = ['observedGeneration', 'updatedNumberScheduled', 'numberAvailable', 'numberUnavailable'] as const;
    this.rt.updateStatus(DAEMON_SET, ds.metadata.namespace, ds.metadata.name, () => withoutZeros(status, omitEmpty));
    const later = scheduled.filter((p) => isReady(p) && !isAvailable(p, mrs, now)).map((p) => availableAt(p, mrs)!);
    if (later.length > 0) this.rt.queue.addAfter(this.name, keyOf(ds), Math.min(...later) - now);
  }

  private record(ds: KubeObject, reason: string, message: string): void {
    this.rt.events.record(ds, { type: 'Normal', reason, message, component: COMPONENT });
  }
}

function keyOf(obj: KubeObject): string {
  return objectKey(obj.metadata.namespace, obj.metadata.name);
}

/** node writes that can change where daemon pods belong; heartbeats cannot */
function nodeChangeMatters(event: StoreEvent): boolean {
  if (event.type !== 'MODIFIED' || !event.previous) return true;
  const view = (n: KubeObject) => JSON.stringify([isNodeReady(n), n.spec?.taints, n.spec?.unschedulable, n.metadata.labels]);
  return view(event.previous) !== view(event.object);
}
