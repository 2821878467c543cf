// StatefulSets: pods `<name>-0 … <name>-(n-1)` with stable names. OrderedReady creates them
// in order, each once the one before is running and available, and removes surplus ones
// from the highest ordinal down; Parallel does not wait. A RollingUpdate replaces pods from
// the highest ordinal down to the partition, one at a time, each once the last is back.
import { SimError } from '../errors.js';
import { type KubeObject, objectKey } from '../objects.js';
import type { StoreEvent } from '../store.js';
import { revisionHash } from './hash.js';
import { splitKey } from './indexes.js';
import { POD, STATEFUL_SET } from './kinds.js';
import { controllerKeys, podChangeMatters } from './owners.js';
import { availableAt, isActive, isAvailable, isRunningAndReady } from './pods.js';
import { podFromTemplate } from './podtemplate.js';
import { type RevisionKind, type Revisions, syncRevisions, templateOf, truncateHistory } from './revisions.js';
import type { Controller, Runtime } from './runtime.js';
import { withoutZeros } from './status.js';

export const REVISION_LABEL = 'controller-revision-hash';
export const POD_NAME_LABEL = 'statefulset.kubernetes.io/pod-name';
export const POD_INDEX_LABEL = 'apps.kubernetes.io/pod-index';
const COMPONENT = 'statefulset-controller';

const REVISIONS: RevisionKind = {
  hashLabel: 'controller.kubernetes.io/hash',
  hash: (_owner, data, collisionCount) => revisionHash(data, collisionCount ?? 0),
};

export class StatefulSetController implements Controller {
  readonly name = 'statefulset';

  constructor(private readonly rt: Runtime) {}

  observe(event: StoreEvent): void {
    if (event.rt.kind === 'StatefulSet') {
      if (event.type !== 'DELETED') this.rt.queue.add(this.name, objectKey(event.object.metadata.namespace, event.object.metadata.name));
    } else if (event.rt.kind === 'Pod' && podChangeMatters(event)) {
      for (const key of controllerKeys(event, 'StatefulSet')) this.rt.queue.add(this.name, key);
    }
  }

  reconcile(key: string): void {
    const { namespace, name } = splitKey(key);
    const sts = this.rt.store.get(STATEFUL_SET, namespace, name);
    if (!sts) return;
    const revisions = syncRevisions(this.rt, sts, REVISIONS);
    if (!sts.metadata.deletionTimestamp) this.update(sts, revisions, this.podsByOrdinal(sts));
    const pods = this.podsByOrdinal(sts);
    this.syncStatus(sts, revisions, [...pods.values()]);
    const live = new Set([revisions.current.metadata.name, revisions.update.metadata.name, ...[...pods.values()].map(revisionOf)]);
    truncateHistory(this.rt, sts, (r) => live.has(r.metadata.name));
  }

  stop(): void {}

  private podsByOrdinal(sts: KubeObject): Map<number, KubeObject> {
    const out = new Map<number, KubeObject>();
    for (const pod of this.rt.ownedPods(sts.metadata.uid)) {
      const ordinal = ordinalOf(sts, pod);
      if (ordinal !== undefined && isActive(pod)) out.set(ordinal, pod);
    }
    return out;
  }

  /** One step of updateStatefulSet: create, then scale down, then roll — each waiting its turn. */
  private update(sts: KubeObject, revisions: Revisions, pods: Map<number, KubeObject>): void {
    const replicas = specReplicas(sts);
    const ordered = sts.spec?.podManagementPolicy !== 'Parallel';
    const healthy = (pod: KubeObject) => isRunningAndReady(pod) && isAvailable(pod, minReadySeconds(sts), this.rt.now());
    for (let ordinal = 0; ordinal < replicas; ordinal++) {
      const pod = pods.get(ordinal);
      if (!pod) {
        this.createPod(sts, ordinal, this.revisionFor(sts, ordinal, revisions));
        if (ordered) return;
      } else if (ordered && !healthy(pod)) {
        return;
      }
    }
    const condemned = [...pods.keys()].filter((o) => o >= replicas).sort((a, b) => b - a);
    for (const ordinal of condemned) {
      this.deletePod(sts, pods.get(ordinal)!);
      if (ordered) return;
    }
    if (sts.spec?.updateStrategy?.type === 'OnDelete') return;
    for (let ordinal = replicas - 1; ordinal >= partitionOf(sts); ordinal--) {
      const pod = pods.get(ordinal);
      if (!pod) continue;
      if (revisionOf(pod) !== revisions.update.metadata.name) return this.deletePod(sts, pod);
      if (!healthy(pod)) return;
    }
  }

  /** Below the partition pods stay at the current revision; the rest get the update revision. */
  private revisionFor(sts: KubeObject, ordinal: number, revisions: Revisions): KubeObject {
    const rolling = (sts.spec?.updateStrategy?.type ?? 'RollingUpdate') === 'RollingUpdate';
    return rolling && ordinal < partitionOf(sts) ? revisions.current : revisions.update;
  }

  private createPod(sts: KubeObject, ordinal: number, revision: KubeObject): void {
    const name = `${sts.metadata.name}-${ordinal}`;
    const labels = { [REVISION_LABEL]: revision.metadata.name, [POD_NAME_LABEL]: name, [POD_INDEX_LABEL]: String(ordinal) };
    const pod = podFromTemplate(templateOf(revision), sts, { name, labels });
    pod.spec.hostname = name;
    if (sts.spec?.serviceName) pod.spec.subdomain = sts.spec.serviceName;
    try {
      this.rt.create(POD, pod);
    } catch (err) {
      if (!(err instanceof SimError) || err.reason !== 'AlreadyExists') throw err;
      // Someone else's pod holds the name: upstream reports it and waits.
      this.record(sts, 'Warning', 'FailedCreate', `create Pod ${name} in StatefulSet ${sts.metadata.name} failed error: ${err.message}`);
      return;
    }
    this.record(sts, 'Normal', 'SuccessfulCreate', `create Pod ${name} in StatefulSet ${sts.metadata.name} successful`);
  }

  private deletePod(sts: KubeObject, pod: KubeObject): void {
    this.rt.remove(POD, pod.metadata.namespace, pod.metadata.name);
    this.record(sts, 'Normal', 'SuccessfulDelete', `delete Pod ${pod.metadata.name} in StatefulSet ${sts.metadata.name} successful`);
  }

  private syncStatus(sts: KubeObject, revisions: Revisions, pods: KubeObject[]): void {
    const now = this.rt.now();
    const mrs = minReadySeconds(sts);
    const ready = pods.filter(isRunningAndReady);
    const status = {
      ...sts.status,
      observedGeneration: sts.metadata.generation,
      replicas: pods.length,
      readyReplicas: ready.length,
      currentReplicas: pods.filter((p) => revisionOf(p) === revisions.current.metadata.name).length,
      updatedReplicas: pods.filter((p) => revisionOf(p) === revisions.update.metadata.name).length,
      currentRevision: revisions.current.metadata.name,
      updateRevision: revisions.update.metadata.name,
      collisionCount: revisions.collisionCount ?? 0,
      availableReplicas: ready.filter((p) => isAvailable(p, mrs, now)).length,
    };
    // completeRollingUpdate: once every pod runs the update revision and is ready, it is the current one.
    const rolling = (sts.spec?.updateStrategy?.type ?? 'RollingUpdate') === 'RollingUpdate';
    if (rolling && status.updatedReplicas === status.replicas && status.readyReplicas === status.replicas) {
      status.currentReplicas = status.updatedReplicas;
      status.currentRevision = status.updateRevision;
    }
    const omitEmpty = ['observedGeneration', 'readyReplicas', 'currentReplicas', 'updatedReplicas'] as const;
    this.rt.updateStatus(STATEFUL_SET, sts.metadata.namespace, sts.metadata.name, () => withoutZeros(status, omitEmpty));
    const later = ready.filter((p) => !isAvailable(p, mrs, now)).map((p) => availableAt(p, mrs)!);
    if (later.length > 0) this.rt.queue.addAfter(this.name, objectKey(sts.metadata.namespace, sts.metadata.name), Math.min(...later) - now);
  }

  private record(sts: KubeObject, type: 'Normal' | 'Warning', reason: string, message: string): void {
    this.rt.events.record(sts, { type, reason, message, component: COMPONENT });
  }
}

function specReplicas(sts: KubeObject): number {
  const replicas: unknown = sts.spec?.replicas;
  return typeof replicas === 'number' ? replicas : 1;
}

function minReadySeconds(sts: KubeObject): number {
  const seconds: unknown = sts.spec?.minReadySeconds;
  return typeof seconds === 'number' ? seconds : 0;
}

function partitionOf(sts: KubeObject): number {
  const partition: unknown = sts.spec?.updateStrategy?.rollingUpdate?.partition;
  return typeof partition === 'number' ? partition : 0;
}

function revisionOf(pod: KubeObject): string {
  return pod.metadata.labels?.[REVISION_LABEL] ?? '';
}

/** getParentNameAndOrdinal: the ordinal of `<set>-<n>`, or undefined for a pod not named so */
function ordinalOf(sts: KubeObject, pod: KubeObject): number | undefined {
  const prefix = `${sts.metadata.name}-`;
  const rest = pod.metadata.name.startsWith(prefix) ? pod.metadata.name.slice(prefix.length) : '';
  return /^\d+$/.test(rest) ? Number(rest) : undefined;
}
