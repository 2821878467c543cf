// The pod statuses a kubelet reports, from bound to running (or stuck pulling an image),
// losing its node, and restarted after the node comes back. Pure: each takes the pod as
// stored and returns its next status.
import { createHash } from 'node:crypto';
import type { KubeObject } from '../objects.js';
import { setCondition } from './conditions.js';
import { qosClass } from './defaults.js';
import type { Condition, Container, ContainerStatus, PodSpec, PodStatus } from './types.js';

/** the order the kubelet lists a pod's conditions in */
const CONDITION_ORDER = ['PodReadyToStartContainers', 'Initialized', 'Ready', 'ContainersReady', 'PodScheduled'];

interface Readiness {
  initialized: boolean;
  /** containers not ready; ready when empty */
  unready: string[];
  /** false when the node, not the containers, made the pod unready (no reason is given then) */
  explain?: boolean;
}

function podConditions(existing: Condition[] | undefined, r: Readiness, now: string): Condition[] {
  const ready = r.unready.length === 0;
  const notReady = r.explain === false ? {} : { reason: 'ContainersNotReady', message: `containers with unready status: [${r.unready.join(' ')}]` };
  const readiness = (type: string): Condition => (ready ? { type, status: 'True', lastProbeTime: null } : { type, status: 'False', ...notReady, lastProbeTime: null });
  const want: Condition[] = [
    { type: 'PodReadyToStartContainers', status: 'True', lastProbeTime: null },
    r.initialized ? { type: 'Initialized', status: 'True', lastProbeTime: null } : { type: 'Initialized', status: 'False', reason: 'ContainersNotInitialized', lastProbeTime: null },
    readiness('Ready'),
    readiness('ContainersReady'),
    { type: 'PodScheduled', status: 'True', lastProbeTime: null },
  ];
  const merged = want.reduce((list, cond) => setCondition(list, cond, now), existing ?? []);
  const rank = (c: Condition) => (CONDITION_ORDER.indexOf(c.type) + CONDITION_ORDER.length + 1) % (CONDITION_ORDER.length + 1);
  return merged.sort((a, b) => rank(a) - rank(b));
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** `docker-pullable://<repository>@sha256:<digest>`, the image ID a Docker-runtime kubelet reports */
export function imageId(image: string): string {
  if (image.includes('@')) return `docker-pullable://${image}`;
  const slash = image.lastIndexOf('/');
  const colon = image.lastIndexOf(':');
  const repository = colon > slash ? image.slice(0, colon) : image;
  return `docker-pullable://${repository}@sha256:${sha256(image)}`;
}

function previousOf(status: PodStatus | undefined, init: boolean): Map<string, ContainerStatus> {
  const list = (init ? status?.initContainerStatuses : status?.containerStatuses) ?? [];
  return new Map(list.map((c) => [c.name, c]));
}

function waiting(c: Container, reason: string, prev: ContainerStatus | undefined, message?: string): ContainerStatus {
  return {
    name: c.name,
    image: c.image ?? '',
    imageID: '',
    ready: false,
    started: false,
    restartCount: prev?.restartCount ?? 0,
    state: { waiting: { reason, ...(message ? { message } : {}) } },
    lastState: prev?.lastState ?? {},
  };
}

function running(pod: KubeObject, c: Container, prev: ContainerStatus | undefined, now: string, ready: boolean): ContainerStatus {
  const restartCount = prev?.restartCount ?? 0;
  return {
    name: c.name,
    image: c.image ?? '',
    imageID: imageId(c.image ?? ''),
    containerID: `docker://${sha256(`${pod.metadata.uid}/${c.name}/${restartCount}`)}`,
    ready,
    started: true,
    restartCount,
    state: { running: { startedAt: prev?.state.running?.startedAt ?? now } },
    lastState: prev?.lastState ?? {},
  };
}

function completed(pod: KubeObject, c: Container, now: string): ContainerStatus {
  const containerID = `docker://${sha256(`${pod.metadata.uid}/${c.name}/init`)}`;
  return {
    name: c.name,
    image: c.image ?? '',
    imageID: imageId(c.image ?? ''),
    containerID,
    ready: true,
    started: false,
    restartCount: 0,
    state: { terminated: { exitCode: 0, reason: 'Completed', startedAt: now, finishedAt: now, containerID } },
    lastState: {},
  };
}

/** Just bound: sandbox up, addresses assigned, containers being created. */
export function boundStatus(pod: KubeObject, hostIP: string, podIP: string, now: string): PodStatus {
  const spec: PodSpec = pod.spec;
  const status: PodStatus = pod.status ?? {};
  const init = spec.initContainers ?? [];
  return {
    ...status,
    phase: 'Pending',
    conditions: podConditions(status.conditions, { initialized: init.length === 0, unready: spec.containers.map((c) => c.name) }, now),
    hostIP,
    hostIPs: [{ ip: hostIP }],
    podIP,
    podIPs: [{ ip: podIP }],
    startTime: now,
    ...(init.length ? { initContainerStatuses: init.map((c) => waiting(c, 'PodInitializing', undefined)) } : {}),
    containerStatuses: spec.containers.map((c) => waiting(c, init.length ? 'PodInitializing' : 'ContainerCreating', undefined)),
    qosClass: status.qosClass ?? qosClass(spec),
  };
}

/** Containers started and ready — except those whose image never pulls, left in ImagePullBackOff. */
export function startedStatus(pod: KubeObject, now: string, pulls: (image: string) => boolean): PodStatus {
  const spec: PodSpec = pod.spec;
  const status: PodStatus = pod.status ?? {};
  const prev = previousOf(status, false);
  const containers = spec.containers.map((c) =>
    pulls(c.image ?? '') ? running(pod, c, prev.get(c.name), now, true) : waiting(c, 'ImagePullBackOff', prev.get(c.name), `Back-off pulling image "${c.image ?? ''}"`),
  );
  const init = spec.initContainers ?? [];
  return {
    ...status,
    phase: containers.every((c) => c.started) ? 'Running' : 'Pending',
    conditions: podConditions(status.conditions, { initialized: true, unready: containers.filter((c) => !c.ready).map((c) => c.name) }, now),
    ...(init.length ? { initContainerStatuses: init.map((c) => completed(pod, c, now)) } : {}),
    containerStatuses: containers,
  };
}

/** The node stopped reporting: the node lifecycle controller marks the pod not ready. */
export function nodeLostStatus(pod: KubeObject, now: string): PodStatus {
  const status: PodStatus = pod.status ?? {};
  const containers = (status.containerStatuses ?? []).map((c) => ({ ...c, ready: false }));
  const initialized = status.conditions?.find((c) => c.type === 'Initialized')?.status !== 'False';
  return {
    ...status,
    conditions: podConditions(status.conditions, { initialized, unready: containers.map((c) => c.name), explain: false }, now),
    containerStatuses: containers,
  };
}

/** The node came back from a reboot: every container that ran was killed and starts again. */
export function restartedStatus(pod: KubeObject, now: string): PodStatus {
  const status: PodStatus = pod.status ?? {};
  const containers = (status.containerStatuses ?? []).map((c): ContainerStatus => {
    if (!c.state.running) return c;
    const restartCount = c.restartCount + 1;
    const lastState = { terminated: { exitCode: 255, reason: 'Unknown', startedAt: c.state.running.startedAt, finishedAt: now, containerID: c.containerID } };
    const containerID = `docker://${sha256(`${pod.metadata.uid}/${c.name}/${restartCount}`)}`;
    return { ...c, containerID, ready: false, started: true, restartCount, state: { running: { startedAt: now } }, lastState };
  });
  return {
    ...status,
    conditions: podConditions(status.conditions, { initialized: true, unready: containers.map((c) => c.name) }, now),
    containerStatuses: containers,
  };
}

export type Stage = 'unbound' | 'creating' | 'interrupted' | 'settled';

/**
 * Where the kubelet is with a pod: not yet reported on (`unbound`), containers being created,
 * running but no longer ready because its node went away (`interrupted`), or settled
 * (running and ready, or stuck pulling).
 */
export function stageOf(pod: KubeObject): Stage {
  const status: PodStatus = pod.status ?? {};
  if (!status.startTime) return 'unbound';
  const containers = status.containerStatuses ?? [];
  if (containers.length === 0 || containers.some((c) => c.state.waiting && c.state.waiting.reason !== 'ImagePullBackOff')) return 'creating';
  const containersReady = status.conditions?.find((c) => c.type === 'ContainersReady')?.status === 'True';
  if (status.phase === 'Running' && !containersReady) return 'interrupted';
  return 'settled';
}
