// One host of a restartHosts operation, from wherever its stored step says it stands:
//   planned   step `changing`
//   changing  cordon and mark it (restart-operation annotation), drain it, record its boot id,
//             step `changed`
//   changed   request a reboot (unless one is requested, under way or over: a resumed target),
//             wait for it: the kubelet drops the request as it goes down, then Ready again on a
//             new boot; uncordon and unmark; SUCCEEDED. Not back within the timeout: FAILED, and
//             the node stays cordoned and marked — it is still out.
import { type ClusterClient, KubeCallError, type KubeObjects } from '../kube/index.js';
import { REBOOT_REQUESTED_ANNOTATION, RESTART_OPERATION_ANNOTATION } from '../model/host.js';
import { drainNode } from './drain.js';
import type { HostTarget, OperationTarget } from './model.js';
import { judgeReboot } from './rollout-status.js';
import { type RunnerContext, TargetFailure, asTargetError, clientOf } from './runner-context.js';
import type { OperationTracker } from './tracker.js';

export interface HostTargetArgs {
  run: RunnerContext;
  tracker: OperationTracker;
  index: number;
  timeoutSeconds: number;
}

export async function executeHostTarget({ run, tracker, index, timeoutSeconds }: HostTargetArgs): Promise<void> {
  let target = hostTarget(tracker.target(index));
  try {
    const client = clientOf(run, target.cluster);
    if (target.step === 'planned') target = hostTarget(await tracker.apply(index, { type: 'start', at: run.now(), previousRevision: null }));
    const deadline = (target.startedAt ?? run.now()).getTime() + timeoutSeconds * 1000;
    const node = target.name;
    if (target.step === 'changing') {
      await patchNode(run, client, node, { spec: { unschedulable: true }, metadata: { annotations: { [RESTART_OPERATION_ANNOTATION]: tracker.id } } });
      await drainNode({ run, client, node, deadline });
      // The boot is recorded before the reboot is asked: a gateway stopping in between asks on
      // resume only if the node has neither a request nor a new boot (it never rebooted).
      target = hostTarget(await tracker.apply(index, { type: 'changed', bootId: bootIdOf(await readNode(run, client, node)) }));
    }
    if (target.step === 'changed') {
      await requestReboot(run, client, node, target.bootId ?? null);
      await waitForReboot(run, client, node, { deadline, timeoutSeconds, bootId: target.bootId ?? null });
      await patchNode(run, client, node, { spec: { unschedulable: false }, metadata: { annotations: { [RESTART_OPERATION_ANNOTATION]: null } } });
      await tracker.apply(index, { type: 'succeeded', at: run.now() });
    }
  } catch (err) {
    const cause = asTargetError(run, err);
    if (!(cause instanceof TargetFailure)) throw cause;
    await tracker.apply(index, { type: 'failed', at: run.now(), reason: cause.message });
  }
}

function hostTarget(target: OperationTarget): HostTarget {
  if (target.kind !== 'Node') throw new Error(`a host restart's target ${target.cluster}/${target.name} is a ${target.kind}`);
  return target;
}

function patchNode(run: RunnerContext, client: ClusterClient, node: string, body: object) {
  return client.patch('Node', node, body, { strategy: 'merge', signal: run.signal });
}

async function readNode(run: RunnerContext, client: ClusterClient, node: string): Promise<KubeObjects['Node']> {
  const found = await client.get('Node', node, { signal: run.signal });
  if (!found) throw new TargetFailure(`node ${node} no longer exists`);
  return found;
}

const bootIdOf = (node: KubeObjects['Node']): string | null => node.status?.nodeInfo?.bootID || null;

/**
 * Asks for the reboot unless it was asked (the request is still there), has started (NotReady)
 * or is over (a boot other than `bootId`): asking again would reboot the node twice.
 */
async function requestReboot(run: RunnerContext, client: ClusterClient, node: string, bootId: string | null): Promise<void> {
  const found = await readNode(run, client, node);
  const rebooted = bootId !== null && bootIdOf(found) !== bootId;
  if (rebooted || judgeReboot(found, REBOOT_REQUESTED_ANNOTATION) !== 'back') return;
  await patchNode(run, client, node, { metadata: { annotations: { [REBOOT_REQUESTED_ANNOTATION]: run.now().toISOString() } } });
}

/**
 * Back: Ready with the request gone and — when the boot before was known — a new boot.
 * @throws TargetFailure when the node is not back Ready by the deadline
 */
async function waitForReboot(run: RunnerContext, client: ClusterClient, node: string, { deadline, timeoutSeconds, bootId }: { deadline: number; timeoutSeconds: number; bootId: string | null }): Promise<void> {
  for (;;) {
    try {
      const found = await readNode(run, client, node);
      const newBoot = bootId === null || bootIdOf(found) !== bootId;
      if (newBoot && judgeReboot(found, REBOOT_REQUESTED_ANNOTATION) === 'back') return;
    } catch (err) {
      const cause = asTargetError(run, err);
      // A cluster that cannot be read for a while is waited on like a node still down.
      if (!(cause instanceof TargetFailure) || !(err instanceof KubeCallError)) throw cause;
    }
    if (run.now().getTime() >= deadline) throw new TargetFailure(`${node} did not come back Ready within ${timeoutSeconds} s`);
    await run.sleep(run.pollMs, run.signal);
  }
}
