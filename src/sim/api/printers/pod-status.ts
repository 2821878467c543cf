// A pod's READY, STATUS and RESTARTS as the API server's pod printer works them out
// (pkg/printers/internalversion printPod): from the phase, then the init containers
// (sidecars counting as containers once started), then the containers, last to first.
import type { KubeObject } from '../../objects.js';
import { count, listOf, text } from './columns.js';

export interface PodSummary {
  readyContainers: number;
  totalContainers: number;
  /** the STATUS column: Running, Pending, ImagePullBackOff, Init:0/1, Terminating, Completed, ... */
  reason: string;
  restarts: number;
  /** epoch ms of the newest container termination behind a restart, when any is known */
  lastRestart?: number;
}

interface ContainerState {
  waiting?: { reason?: string };
  running?: object;
  terminated?: { reason?: string; exitCode?: number; signal?: number; finishedAt?: string };
}

interface ContainerStatus {
  name?: string;
  ready?: boolean;
  started?: boolean;
  restartCount?: number;
  state?: ContainerState;
  lastState?: ContainerState;
}

interface Restarts {
  count: number;
  /** epoch ms of the newest termination behind a restart */
  last?: number;
}

interface Progress {
  reason: string;
  ready: number;
  restarts: Restarts;
}

interface InitProgress {
  initializing: boolean;
  reason: string;
  /** started, ready sidecars */
  ready: number;
  /** restarts of every init container, and of the sidecars alone */
  all: Restarts;
  sidecars: Restarts;
}

export function podSummary(pod: KubeObject): PodSummary {
  const initSpecs = listOf<{ name?: string; restartPolicy?: string }>(pod.spec?.initContainers);
  const sidecars = new Set(initSpecs.filter((c) => c.restartPolicy === 'Always').map((c) => c.name));
  const init = initContainers(pod, sidecars, baseReason(pod));
  const start = { reason: init.reason, ready: init.ready };
  // Past initialization the init containers' restarts no longer count, except the sidecars'.
  const p = !init.initializing || conditionTrue(pod, 'Initialized') ? containers(pod, { ...start, restarts: init.sidecars }) : { ...start, restarts: init.all };
  return {
    readyContainers: p.ready,
    totalContainers: listOf(pod.spec?.containers).length + sidecars.size,
    reason: deletionReason(pod) ?? p.reason,
    restarts: p.restarts.count,
    ...(p.restarts.last !== undefined ? { lastRestart: p.restarts.last } : {}),
  };
}

/** the phase, or the pod's own reason (Evicted, NodeLost, ...), or SchedulingGated */
function baseReason(pod: KubeObject): string {
  const gated = listOf<{ type?: string; reason?: string }>(pod.status?.conditions).some((c) => c.type === 'PodScheduled' && c.reason === 'SchedulingGated');
  if (gated) return 'SchedulingGated';
  return text(pod.status?.reason) || text(pod.status?.phase);
}

function withRestarts(r: Restarts, status: ContainerStatus): Restarts {
  const finished = Date.parse(text(status.lastState?.terminated?.finishedAt));
  const last = Number.isNaN(finished) || (r.last !== undefined && r.last >= finished) ? r.last : finished;
  return { count: r.count + count(status.restartCount), ...(last !== undefined ? { last } : {}) };
}

/** `Signal:9` / `ExitCode:1` for a container that ended without a reason */
function exitReason(terminated: NonNullable<ContainerState['terminated']>): string {
  return terminated.signal ? `Signal:${terminated.signal}` : `ExitCode:${count(terminated.exitCode)}`;
}

/** The init containers in order, up to the first that has not finished (and is no started sidecar). */
function initContainers(pod: KubeObject, sidecars: Set<string | undefined>, reason: string): InitProgress {
  const p: InitProgress = { initializing: false, reason, ready: 0, all: { count: 0 }, sidecars: { count: 0 } };
  const specCount = listOf(pod.spec?.initContainers).length;
  for (const [i, c] of listOf<ContainerStatus>(pod.status?.initContainerStatuses).entries()) {
    const sidecar = sidecars.has(c.name);
    p.all = withRestarts(p.all, c);
    if (sidecar) p.sidecars = withRestarts(p.sidecars, c);
    const terminated = c.state?.terminated;
    if (terminated && count(terminated.exitCode) === 0) continue;
    if (sidecar && c.started) {
      if (c.ready) p.ready += 1;
      continue;
    }
    const waiting = text(c.state?.waiting?.reason);
    if (terminated) p.reason = `Init:${terminated.reason || exitReason(terminated)}`;
    else if (waiting && waiting !== 'PodInitializing') p.reason = `Init:${waiting}`;
    else p.reason = `Init:${i}/${specCount}`;
    return { ...p, initializing: true };
  }
  return p;
}

/** The containers, last to first, so the first listed one with a waiting or terminated reason names the status. */
function containers(pod: KubeObject, start: Progress): Progress {
  const p = { ...start };
  let hasRunning = false;
  for (const c of [...listOf<ContainerStatus>(pod.status?.containerStatuses)].reverse()) {
    p.restarts = withRestarts(p.restarts, c);
    const { waiting, terminated, running } = c.state ?? {};
    if (waiting?.reason) p.reason = waiting.reason;
    else if (terminated?.reason) p.reason = terminated.reason;
    else if (terminated) p.reason = exitReason(terminated);
    else if (c.ready && running) {
      hasRunning = true;
      p.ready += 1;
    }
  }
  // A container still running keeps a pod whose other containers completed Running.
  if (p.reason === 'Completed' && hasRunning) p.reason = conditionTrue(pod, 'Ready') ? 'Running' : 'NotReady';
  return p;
}
function conditionTrue(pod: KubeObject, type: string): boolean {
  return listOf<{ type?: string; status?: string }>(pod.status?.conditions).find((c) => c.type === type)?.status === 'True';
}

/** a pod being deleted is Terminating, or Unknown when its node was lost */
function deletionReason(pod: KubeObject): string | undefined {
  if (!pod.metadata.deletionTimestamp) return undefined;
  if (pod.status?.reason === 'NodeLost') return 'Unknown';
  const phase = pod.status?.phase;
  return phase === 'Succeeded' || phase === 'Failed' ? undefined : 'Terminating';
}
