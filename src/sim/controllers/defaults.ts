// The defaults the API server fills in on create and update (pkg/apis/*/v1/defaults.go),
// so objects read back as they would from a real cluster. The controllers never rely on
// them having been applied: they read every field with the same fallback.
import type { KubeObject } from '../objects.js';
import { defaultService } from './service-defaults.js';
import type { Container, PodSpec, PodTemplate } from './types.js';

/**
 * Fills in the defaults of a workload, Pod, Namespace, Secret or Service in place
 * (other kinds are returned untouched) and returns the object. Idempotent.
 */
export function applyDefaults(kind: string, obj: KubeObject): KubeObject {
  switch (kind) {
    case 'Deployment':
      defaultDeployment(obj);
      break;
    case 'ReplicaSet':
      obj.spec ??= {};
      obj.spec.replicas ??= 1;
      defaultTemplate(obj.spec.template);
      break;
    case 'StatefulSet':
      defaultStatefulSet(obj);
      break;
    case 'DaemonSet':
      defaultDaemonSet(obj);
      break;
    case 'Pod':
      defaultPod(obj);
      break;
    case 'Namespace':
      // The namespace lifecycle admission sets these on create in a real cluster.
      obj.spec = { finalizers: ['kubernetes'], ...obj.spec };
      obj.status = { phase: 'Active', ...obj.status };
      obj.metadata.labels = { ...obj.metadata.labels, 'kubernetes.io/metadata.name': obj.metadata.name };
      break;
    case 'Secret':
      defaultSecret(obj);
      break;
    case 'Service':
      defaultService(obj);
      break;
  }
  return obj;
}

/** `stringData` is write-only: the API server merges it into `data`, base64-encoded, over any key there. */
function defaultSecret(obj: KubeObject): void {
  obj.type ??= 'Opaque';
  if (!obj.stringData || typeof obj.stringData !== 'object') return;
  const encoded = Object.entries(obj.stringData as Record<string, unknown>).map(([k, v]) => [k, Buffer.from(String(v)).toString('base64')]);
  obj.data = { ...obj.data, ...Object.fromEntries(encoded) };
  delete obj.stringData;
}

function defaultDeployment(obj: KubeObject): void {
  const spec = (obj.spec ??= {});
  spec.replicas ??= 1;
  spec.revisionHistoryLimit ??= 10;
  spec.progressDeadlineSeconds ??= 600;
  const strategy = (spec.strategy ??= {});
  strategy.type ??= 'RollingUpdate';
  if (strategy.type === 'RollingUpdate') {
    strategy.rollingUpdate ??= {};
    strategy.rollingUpdate.maxSurge ??= '25%';
    strategy.rollingUpdate.maxUnavailable ??= '25%';
  }
  defaultTemplate(spec.template);
}

function defaultStatefulSet(obj: KubeObject): void {
  const spec = (obj.spec ??= {});
  spec.replicas ??= 1;
  spec.podManagementPolicy ??= 'OrderedReady';
  spec.revisionHistoryLimit ??= 10;
  spec.persistentVolumeClaimRetentionPolicy ??= { whenDeleted: 'Retain', whenScaled: 'Retain' };
  const strategy = (spec.updateStrategy ??= {});
  strategy.type ??= 'RollingUpdate';
  if (strategy.type === 'RollingUpdate') {
    strategy.rollingUpdate ??= {};
    strategy.rollingUpdate.partition ??= 0;
  }
  defaultTemplate(spec.template);
}

function defaultDaemonSet(obj: KubeObject): void {
  const spec = (obj.spec ??= {});
  spec.revisionHistoryLimit ??= 10;
  const strategy = (spec.updateStrategy ??= {});
  strategy.type ??= 'RollingUpdate';
  if (strategy.type === 'RollingUpdate') {
    strategy.rollingUpdate ??= {};
    strategy.rollingUpdate.maxUnavailable ??= 1;
    strategy.rollingUpdate.maxSurge ??= 0;
  }
  defaultTemplate(spec.template);
}

function defaultTemplate(template: PodTemplate | undefined): void {
  if (template?.spec) defaultPodSpec(template.spec);
}

function defaultPodSpec(spec: PodSpec): void {
  spec.restartPolicy ??= 'Always';
  spec.terminationGracePeriodSeconds ??= 30;
  spec.dnsPolicy ??= 'ClusterFirst';
  spec.securityContext ??= {};
  spec.schedulerName ??= 'default-scheduler';
  for (const c of [...(spec.initContainers ?? []), ...(spec.containers ?? [])]) defaultContainer(c);
}

function defaultContainer(c: Container): void {
  c.imagePullPolicy ??= pullPolicyFor(c.image);
  c.terminationMessagePath ??= '/dev/termination-log';
  c.terminationMessagePolicy ??= 'File';
  c.resources ??= {};
  const ports = c.ports;
  if (Array.isArray(ports)) for (const p of ports as { protocol?: string }[]) p.protocol ??= 'TCP';
}

/** `Always` for `:latest` or untagged images, `IfNotPresent` otherwise, as the API server defaults it. */
function pullPolicyFor(image: string | undefined): string {
  if (!image) return 'IfNotPresent';
  const lastPart = image.split('/').pop() ?? image;
  if (lastPart.includes('@')) return 'IfNotPresent';
  const tag = lastPart.includes(':') ? lastPart.slice(lastPart.indexOf(':') + 1) : 'latest';
  return tag === 'latest' ? 'Always' : 'IfNotPresent';
}

/**
 * Pod-only defaults: the service account, the admission plugins' tolerations and priority,
 * and the status a new pod starts with.
 */
function defaultPod(obj: KubeObject): void {
  const spec: PodSpec = (obj.spec ??= { containers: [] });
  defaultPodSpec(spec);
  spec.serviceAccountName ??= 'default';
  spec.serviceAccount ??= spec.serviceAccountName;
  spec.enableServiceLinks ??= true;
  spec.preemptionPolicy ??= 'PreemptLowerThanOrEqual';
  spec.priority ??= 0;
  const tolerations = (spec.tolerations ??= []);
  for (const key of ['node.kubernetes.io/not-ready', 'node.kubernetes.io/unreachable']) {
    if (!tolerations.some((t) => t.key === key && t.effect === 'NoExecute')) {
      tolerations.push({ key, operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 });
    }
  }
  obj.status ??= {};
  obj.status.phase ??= 'Pending';
  obj.status.qosClass ??= qosClass(spec);
}

/** Guaranteed when every container limits cpu and memory at its requests, BestEffort with no resources at all. */
export function qosClass(spec: PodSpec): string {
  const containers = [...(spec.initContainers ?? []), ...spec.containers];
  const all = containers.map((c) => ({ requests: { ...c.resources?.limits, ...c.resources?.requests }, limits: c.resources?.limits ?? {} }));
  if (all.every((c) => Object.keys(c.requests).length === 0 && Object.keys(c.limits).length === 0)) return 'BestEffort';
  const guaranteed = all.every((c) => ['cpu', 'memory'].every((r) => c.limits[r] !== undefined && c.limits[r] === c.requests[r]));
  return guaranteed ? 'Guaranteed' : 'Burstable';
}

/**
 * intstr.GetScaledValueFromIntOrPercent: an int as is, `25%` of `total` rounded up or down.
 * Anything unparseable counts as 0, which the callers' fencepost rules then correct.
 */
export function scaledValue(value: unknown, total: number, roundUp: boolean): number {
  if (typeof value === 'number') return Math.max(0, Math.trunc(value));
  if (typeof value !== 'string') return 0;
  const percent = /^(\d+)%$/.exec(value.trim());
  if (!percent) return /^\d+$/.test(value.trim()) ? Number(value) : 0;
  const scaled = (Number(percent[1]) * total) / 100;
  return roundUp ? Math.ceil(scaled) : Math.floor(scaled);
}
