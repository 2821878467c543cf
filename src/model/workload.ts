// Deployments, StatefulSets and DaemonSets as the contract's workloads: pure mappers from
// client-node's typed objects to WorkloadRecords.
import { ImageParseError, parseImage, type ImageRef } from '../images/index.js';
import type { KubeKind, KubeObjects } from '../kube/index.js';
import { labelSelectorFromObject, SelectorError, type LabelSelectorExpression, type LabelSelectorObject } from '../selectors/index.js';
import { updateRevisionOf } from './controller-revisions.js';
import { daemonSetTemplateGeneration, deploymentRevision } from './revision-annotation.js';
import { toGlobalId } from './ids.js';
import type { ContainerRecord, WorkloadKind, WorkloadRecord } from './records.js';
import { daemonSetStatus, deploymentStatus, statefulSetStatus, type WorkloadObjectArgs } from './workload-status.js';
import { assertNever } from '../lang/assert-never.js';
import { kubeTime } from './kube-time.js';
import { perObject } from './per-object.js';

type Deployment = KubeObjects['Deployment'];
type StatefulSet = KubeObjects['StatefulSet'];
type DaemonSet = KubeObjects['DaemonSet'];
type WorkloadObject = Deployment | StatefulSet | DaemonSet;

export const WORKLOAD_KINDS: readonly WorkloadKind[] = ['DEPLOYMENT', 'STATEFULSET', 'DAEMONSET'];

/** The Kubernetes kind each workload kind is read as. */
export const KUBE_KIND_OF = {
  DEPLOYMENT: 'Deployment',
  STATEFULSET: 'StatefulSet',
  DAEMONSET: 'DaemonSet',
} as const satisfies Record<WorkloadKind, KubeKind>;


export function isWorkloadKind(value: string): value is WorkloadKind {
  return (WORKLOAD_KINDS as readonly string[]).includes(value);
}

/** The global id of a workload; its parts are cluster, namespace, WorkloadKind and name. */
export function workloadId(ref: { cluster: string; namespace: string; kind: WorkloadKind; name: string }): string {
  return toGlobalId('Workload', ref.cluster, ref.namespace, ref.kind, ref.name);
}

/** Any workload object, by the kind it is read as: `workloadRecord(cluster, 'DEPLOYMENT', deployment)`. */
export function workloadRecord(cluster: string, ...args: WorkloadObjectArgs): WorkloadRecord {
  const [kind, obj] = args;
  switch (kind) {
    case 'DEPLOYMENT':
      return deploymentRecord(cluster, obj);
    case 'STATEFULSET':
      return statefulSetRecord(cluster, obj);
    case 'DAEMONSET':
      return daemonSetRecord(cluster, obj);
    default:
      return assertNever(kind);
  }
}

/** Replicas: spec.replicas (1 when unset, the API default); revision: the controller's annotation. */
function makeDeploymentRecord(cluster: string, d: Deployment): WorkloadRecord {
  const s = d.status;
  return {
    ...common(cluster, 'DEPLOYMENT', d),
    replicas: d.spec?.replicas ?? 1,
    readyReplicas: s?.readyReplicas ?? 0,
    updatedReplicas: s?.updatedReplicas ?? 0,
    availableReplicas: s?.availableReplicas ?? 0,
    status: deploymentStatus(d),
    paused: d.spec?.paused === true,
    revision: deploymentRevision(d),
  };
}

/**
 * revision is null here: a StatefulSet's revisions are ControllerRevision objects, and its status
 * names the current one only by name (`web-7d9f5c`, kept as updateRevision); Workload.revision
 * reads the number from them. Its generation is no substitute: scaling raises it too.
 */
function makeStatefulSetRecord(cluster: string, sts: StatefulSet): WorkloadRecord {
  const s = sts.status;
  return {
    ...common(cluster, 'STATEFULSET', sts),
    replicas: sts.spec?.replicas ?? 1,
    readyReplicas: s?.readyReplicas ?? 0,
    updatedReplicas: s?.updatedReplicas ?? 0,
    availableReplicas: s?.availableReplicas ?? 0,
    status: statefulSetStatus(sts),
    paused: false,
    revision: null,
    updateRevision: updateRevisionOf(sts),
  };
}

/**
 * replicas is desiredNumberScheduled: the nodes that should run a pod (0 until the controller
 * has looked). revision here is the template generation the API server keeps in an annotation;
 * where that is missing, metadata.generation, as the DaemonSet controller itself falls back.
 * Workload.revision prefers the ControllerRevision number (what `kubectl rollout undo` takes).
 */
function makeDaemonSetRecord(cluster: string, ds: DaemonSet): WorkloadRecord {
  const s = ds.status;
  return {
    ...common(cluster, 'DAEMONSET', ds),
    replicas: s?.desiredNumberScheduled ?? 0,
    readyReplicas: s?.numberReady ?? 0,
    updatedReplicas: s?.updatedNumberScheduled ?? 0,
    availableReplicas: s?.numberAvailable ?? 0,
    status: daemonSetStatus(ds),
    paused: false,
    revision: daemonSetTemplateGeneration(ds) ?? ds.metadata?.generation ?? null,
  };
}

type Common = Omit<WorkloadRecord, 'replicas' | 'readyReplicas' | 'updatedReplicas' | 'availableReplicas' | 'status' | 'paused' | 'revision'>;

function common(cluster: string, workloadKind: WorkloadKind, obj: WorkloadObject): Common {
  const namespace = obj.metadata?.namespace ?? '';
  const name = obj.metadata?.name ?? '';
  return {
    kind: 'Workload',
    id: workloadId({ cluster, namespace, kind: workloadKind, name }),
    workloadKind,
    cluster,
    namespace,
    name,
    uid: obj.metadata?.uid ?? '',
    labels: obj.metadata?.labels ?? {},
    annotations: obj.metadata?.annotations ?? {},
    selector: selectorText(obj.spec?.selector),
    containers: (obj.spec?.template?.spec?.containers ?? []).map((c) => containerRecord(c.name, c.image ?? '')),
    createdAt: kubeTime(obj.metadata?.creationTimestamp),
  };
}

/** A container of the pod template; init containers are not listed. */
export function containerRecord(name: string, image: string): ContainerRecord {
  return { name, image, imageRef: imageRefOf(image) };
}

/**
 * The parsed reference, or — for an image that does not follow the Docker grammar — a ref
 * that says only what is certain: `spec` and `imageName` are the text as written, `tag` is
 * empty (nothing could be read from it) and every other field is null. Such a container
 * still lists, still matches image searches on its text, and upgrade plans report it as
 * ERROR; a broken image never breaks its workload.
 */
export function imageRefOf(spec: string): ImageRef {
  try {
    return parseImage(spec);
  } catch (err) {
    if (!(err instanceof ImageParseError)) throw err;
    return {
      spec,
      registry: null,
      imageOwner: null,
      imageName: spec,
      tag: '',
      digest: null,
      owner: null,
      repo: null,
      branch: null,
      fullVersion: null,
      version: null,
      prerelease: null,
      build: null,
      commit: null,
    };
  }
}

/**
 * The pod selector in canonical label-selector text. Empty when the object has none, or
 * one that does not parse — the API server refuses to store either, so only hand-built
 * objects get here. Empty selects everything: find a workload's pods by owner, not by this.
 */
function selectorText(selector: { matchLabels?: Record<string, string>; matchExpressions?: { key: string; operator: string; values?: string[] }[] } | undefined): string {
  if (!selector) return '';
  try {
    const object: LabelSelectorObject = {
      matchLabels: selector.matchLabels,
      matchExpressions: selector.matchExpressions?.map(({ key, operator, values }) => ({ key, operator: selectorOperator(operator), values })),
    };
    return labelSelectorFromObject(object).toString();
  } catch (err) {
    if (err instanceof SelectorError) return '';
    throw err;
  }
}

function selectorOperator(operator: string): LabelSelectorExpression['operator'] {
  switch (operator) {
    case 'In':
    case 'NotIn':
    case 'Exists':
    case 'DoesNotExist':
      return operator;
    default:
      throw new SelectorError(`${JSON.stringify(operator)} is not a valid label selector operator`);
  }
}

/** Each kind's record, made once per object (per-object.ts). */
export const deploymentRecord = perObject(makeDeploymentRecord);
export const statefulSetRecord = perObject(makeStatefulSetRecord);
export const daemonSetRecord = perObject(makeDaemonSetRecord);
