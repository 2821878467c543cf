// The pod template deployWorkload takes (reference 001: "Enrober only supports single
// container pods"): a Kubernetes PodTemplateSpec as JSON, checked enough that a mistake gets
// a clear message here rather than a bare 422 from the cluster. Pure.
//
// What would let the pod reach its host is refused unless the gateway allows privileged
// workloads (ALLOW_PRIVILEGED_CONTAINERS): everything the Kubernetes Pod Security baseline
// forbids — privileged containers, capabilities beyond the baseline set, host namespaces
// (hostNetwork, hostPID, hostIPC), hostPath volumes, host ports, unsafe sysctls, /proc
// unmasked, host processes, unconfined seccomp or AppArmor, custom SELinux users and roles —
// in containers, init containers and ephemeral containers alike (src/validation/pod-security.ts).
// Its depth and size are bounded before this runs (src/validation/json.ts).
import { BadUserInputError } from '../errors/index.js';
import type { KubeObjects } from '../kube/index.js';
import { labelKeyProblem, labelValueProblem } from '../selectors/label-validation.js';
import { isDnsLabel } from '../validation/names.js';
import { refuseBeyondBaseline } from '../validation/pod-security.js';

export type PodTemplateSpec = NonNullable<NonNullable<KubeObjects['Deployment']['spec']>['template']>;
type Json = Record<string, unknown>;

export interface PodTemplatePolicy {
  /** let pods break the Pod Security baseline (see above); default false */
  readonly allowPrivilegedContainers: boolean;
}

/**
 * The template with its metadata cut to labels and annotations (a template's name, namespace
 * or timestamps mean nothing to Kubernetes and would only mislead).
 * @throws BadUserInputError naming the first problem, under `field` (e.g. `podTemplate.spec.containers`).
 */
export function checkPodTemplate(template: Json, policy: PodTemplatePolicy, field = 'podTemplate'): PodTemplateSpec {
  const metadata = optionalObject(template.metadata, `${field}.metadata`);
  const labels = stringMap(metadata.labels, `${field}.metadata.labels`, true);
  const annotations = stringMap(metadata.annotations, `${field}.metadata.annotations`, false);
  const spec = requiredObject(template.spec, `${field}.spec`);
  const containers = spec.containers;
  if (!Array.isArray(containers) || containers.length === 0) throw new BadUserInputError(`${field}.spec.containers: one container is required`);
  if (containers.length > 1) throw new BadUserInputError(`${field}.spec.containers: exactly one container is supported, got ${containers.length}`);
  const container = checkContainer(containers[0], `${field}.spec.containers[0]`);
  if (!policy.allowPrivilegedContainers) refuseBeyondBaseline(template, field);
  // The rest of the spec is the cluster's to judge: client-node sends the fields it knows.
  return { metadata: { labels, annotations }, spec: { ...spec, containers: [container] } };
}

type Container = NonNullable<PodTemplateSpec['spec']>['containers'][number];

function checkContainer(container: unknown, field: string): Container {
  const c = requiredObject(container, field);
  if (typeof c.name !== 'string' || !isDnsLabel(c.name)) {
    throw new BadUserInputError(`${field}.name: ${JSON.stringify(c.name ?? null)} is not a container name (a DNS-1123 label: lower-case letters, digits and '-', at most 63 characters)`);
  }
  if (typeof c.image !== 'string' || c.image.trim() === '') throw new BadUserInputError(`${field}.image: container "${c.name}" has no image`);
  return { ...c, name: c.name, image: c.image };
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function requiredObject(value: unknown, field: string): Json {
  if (!isObject(value)) throw new BadUserInputError(`${field}: an object is required`);
  return value;
}

function optionalObject(value: unknown, field: string): Json {
  return value === undefined || value === null ? {} : requiredObject(value, field);
}

function stringMap(value: unknown, field: string, labels: boolean): Record<string, string> {
  const map = optionalObject(value, field);
  for (const [key, v] of Object.entries(map)) {
    if (typeof v !== 'string') throw new BadUserInputError(`${field}.${key}: must be a string`);
    const keyProblem = labelKeyProblem(key);
    if (keyProblem) throw new BadUserInputError(`${field}: key "${key}": ${keyProblem}`);
    const valueProblem = labels ? labelValueProblem(v) : undefined;
    if (valueProblem) throw new BadUserInputError(`${field}.${key}: value "${v}": ${valueProblem}`);
  }
  return map as Record<string, string>;
}
