// ReplicaSets keep `spec.replicas` pods of their template alive: missing pods are created,
// surplus ones deleted (least useful first), pods whose labels stop matching the selector
// are released, and the status counts what is there, ready and available.
import { type LabelSelector, labelSelectorFromObject } from '../../selectors/index.js';
import { type KubeObject, objectKey } from '../objects.js';
import type { StoreEvent } from '../store.js';
import { splitKey } from './indexes.js';
import { POD, REPLICA_SET } from './kinds.js';
import { controllerKeys, podChangeMatters } from './owners.js';
import { availableAt, deletionOrder, isActive, isAvailable, isReady } from './pods.js';
import { podFromTemplate } from './podtemplate.js';
import type { Controller, Runtime } from './runtime.js';
import { withoutZeros } from './status.js';
import type { PodTemplate } from './types.js';

/** kube-controller-manager's burstReplicas: pods created or deleted per sync at most */
const BURST_REPLICAS = 500;
const COMPONENT = 'replicaset-controller';

export class ReplicaSetController implements Controller {
  readonly name = 'replicaset';

  constructor(private readonly rt: Runtime) {}

  observe(event: StoreEvent): void {
    if (event.rt.kind === 'ReplicaSet') {
      if (event.type !== 'DELETED') this.rt.queue.add(this.name, objectKey(event.object.metadata.namespace, event.object.metadata.name));
    } else if (event.rt.kind === 'Pod' && podChangeMatters(event)) {
      for (const key of controllerKeys(event, 'ReplicaSet')) this.rt.queue.add(this.name, key);
    }
  }

  reconcile(key: string): void {
    const { namespace, name } = splitKey(key);
    const rs = this.rt.store.get(REPLICA_SET, namespace, name);
    if (!rs) return;
    const selector = selectorOf(rs);
    const pods = this.claimPods(rs, selector);
    if (!rs.metadata.deletionTimestamp) this.manageReplicas(rs, pods);
    this.syncStatus(rs);
  }

  stop(): void {}

  /** The active pods this ReplicaSet controls; pods no longer matching its selector are let go. */
  private claimPods(rs: KubeObject, selector: LabelSelector | undefined): KubeObject[] {
    const pods = this.rt.ownedPods(rs.metadata.uid).filter(isActive);
    if (!selector) return pods;
    for (const pod of pods) if (!selector.matches(pod.metadata.labels)) this.release(pod, rs);
    return pods.filter((p) => selector.matches(p.metadata.labels));
  }

  private release(pod: KubeObject, rs: KubeObject): void {
    this.rt.mutate(POD, pod.metadata.namespace, pod.metadata.name, (draft) => {
      draft.metadata.ownerReferences = draft.metadata.ownerReferences?.filter((r) => r.uid !== rs.metadata.uid);
      if (!draft.metadata.ownerReferences?.length) delete draft.metadata.ownerReferences;
    });
  }

  private manageReplicas(rs: KubeObject, pods: KubeObject[]): void {
    const diff = pods.length - specReplicas(rs);
    if (diff < 0) {
      const template: PodTemplate = rs.spec?.template ?? { spec: { containers: [] } };
      for (let i = 0; i < Math.min(-diff, BURST_REPLICAS); i++) {
        const pod = this.rt.create(POD, podFromTemplate(template, rs));
        this.record(rs, 'SuccessfulCreate', `Created pod: ${pod.metadata.name}`);
      }
    } else if (diff > 0) {
      for (const pod of this.podsToDelete(pods, Math.min(diff, BURST_REPLICAS))) {
        this.rt.remove(POD, pod.metadata.namespace, pod.metadata.name);
        this.record(rs, 'SuccessfulDelete', `Deleted pod: ${pod.metadata.name}`);
      }
    }
  }

  private podsToDelete(pods: KubeObject[], count: number): KubeObject[] {
    const perNode = new Map<string, number>();
    for (const p of pods) if (p.spec?.nodeName) perNode.set(p.spec.nodeName, (perNode.get(p.spec.nodeName) ?? 0) + 1);
    const rank = (p: KubeObject) => (p.spec?.nodeName ? (perNode.get(p.spec.nodeName) ?? 0) : 0);
    return [...pods].sort(deletionOrder(rank)).slice(0, count);
  }

  private syncStatus(rs: KubeObject): void {
    const pods = this.rt.ownedPods(rs.metadata.uid).filter(isActive);
    const minReadySeconds: number = rs.spec?.minReadySeconds ?? 0;
    const now = this.rt.now();
    const templateLabels: Record<string, string> = rs.spec?.template?.metadata?.labels ?? {};
    const status = {
      ...rs.status,
      replicas: pods.length,
      fullyLabeledReplicas: pods.filter((p) => Object.entries(templateLabels).every(([k, v]) => p.metadata.labels?.[k] === v)).length,
      readyReplicas: pods.filter(isReady).length,
      availableReplicas: pods.filter((p) => isAvailable(p, minReadySeconds, now)).length,
      observedGeneration: rs.metadata.generation,
    };
    const omitEmpty = ['fullyLabeledReplicas', 'readyReplicas', 'availableReplicas', 'observedGeneration'] as const;
    this.rt.updateStatus(REPLICA_SET, rs.metadata.namespace, rs.metadata.name, () => withoutZeros(status, omitEmpty));
    this.requeueForAvailability(rs, pods, minReadySeconds, now);
  }

  /** Pods ready but not yet for minReadySeconds become available later: look again then. */
  private requeueForAvailability(rs: KubeObject, pods: KubeObject[], minReadySeconds: number, now: number): void {
    if (minReadySeconds <= 0) return;
    const pending = pods.filter((p) => isReady(p) && !isAvailable(p, minReadySeconds, now)).map((p) => availableAt(p, minReadySeconds)!);
    if (pending.length > 0) this.rt.queue.addAfter(this.name, objectKey(rs.metadata.namespace, rs.metadata.name), Math.min(...pending) - now);
  }

  private record(rs: KubeObject, reason: string, message: string): void {
    this.rt.events.record(rs, { type: 'Normal', reason, message, component: COMPONENT });
  }
}

function specReplicas(rs: KubeObject): number {
  const replicas: unknown = rs.spec?.replicas;
  return typeof replicas === 'number' ? replicas : 1;
}

/** The selector, or undefined when it is missing or invalid: then nothing is released. */
function selectorOf(rs: KubeObject): LabelSelector | undefined {
  try {
    return rs.spec?.selector ? labelSelectorFromObject(rs.spec.selector) : undefined;
  } catch {
    return undefined;
  }
}
