// The pod template deployWorkload takes (reference 001: "Enrober only supports single
// container pods"): a Kubernetes PodTemplateSpec as JSON, checked enough that a mistake gets
// a clear message here rather than a bare 422 from the cluster. Pure.
//
// Privileged containers are refused unless the gateway allows them (ALLOW_PRIVILEGED_CONTAINERS).
// "Privileged" here is what gives a container the host: `securityContext.privileged: true`,
// and adding the capabilities `SYS_ADMIN` or `ALL`, which amount to the same. Not refused:
// `allowPrivilegeEscalation` (setuid within the container's own, bounded capabilities) and
// pod-level host namespaces (hostNetwork, hostPID), which are a cluster's Pod Security
// admission's business. Enrober silently rewrote such containers; refusing says so instead.
import { BadUserInputError } from '../errors/index.js';
import type { KubeObjects } from '../kube/index.js';
import { labelKeyProblem, labelValueProblem } from '../selectors/labelValidation.js';
import { isDnsLabel } from './names.js';

export type PodTemplateSpec = NonNullable<NonNullable<KubeObjects['Deployment']['spec']>['template']>;
type Json = Record<string, unknown>;

export interface PodTemplatePolicy {
  /** let containers run privileged (see above); default false */
  readonly allowPrivilegedContainers: boolean;
}

/** Capabilities that, added, make a container as good as privileged. */
const PRIVILEGED_CAPABILITIES = new Set(['SYS_ADMIN', 'ALL', 'CAP_SYS_ADMIN']);
const CONTAINER_LISTS = ['containers', 'initContainers', 'ephemeralContainers'] as const;

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
  if (!policy.allowPrivilegedContainers) refusePrivileged(spec, `${field}.spec`);
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

function refusePrivileged(spec: Json, field: string): void {
  for (const list of CONTAINER_LISTS) {
    const containers = Array.isArray(spec[list]) ? (spec[list] as unknown[]) : [];
    containers.forEach((container, i) => {
      const reason = privilegedReason(container);
      if (reason) {
        throw new BadUserInputError(`${field}.${list}[${i}]: ${reason}; privileged containers are not allowed on this gateway (ALLOW_PRIVILEGED_CONTAINERS)`);
      }
    });
  }
}

/** Why a container counts as privileged, or undefined. */
export function privilegedReason(container: unknown): string | undefined {
  if (!isObject(container) || !isObject(container.securityContext)) return undefined;
  const sc = container.securityContext;
  if (sc.privileged === true) return 'securityContext.privileged is true';
  const added = isObject(sc.capabilities) && Array.isArray(sc.capabilities.add) ? sc.capabilities.add : [];
  const strong = added.find((cap) => typeof cap === 'string' && PRIVILEGED_CAPABILITIES.has(cap.toUpperCase()));
  return strong === undefined ? undefined : `securityContext.capabilities.add has ${String(strong)}`;
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
