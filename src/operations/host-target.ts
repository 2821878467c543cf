// One host of a restartHosts operation, from wherever its stored step says it stands:
//   planned   step `changing`
//   changing  cordon and mark it (restart-operation annotation), drain it, request a reboot
//             (unless one is already requested or under way: a resumed target), step `changed`
//   changed   wait for the reboot: the kubelet drops the request as it goes down, then Ready
//             again; uncordon and unmark; SUCCEEDED. Not back within the timeout: FAILED, and
//             the node stays cordoned and marked — it is still out.
import { type ClusterClient, KubeCallError } from '../kube/index.js';
import { REBOOT_REQUESTED_ANNOTATION, RESTART_OPERATION_ANNOTATION } from '../model/host.js';
import { drainNode } from './drain.js';
import { judgeReboot } from './rollout-status.js';
import { type RunContext, TargetFailure, asTargetError, clientOf } from './run-context.js';
import type { OperationTracker } from './tracker.js';

export interface HostTargetArgs {
  run: RunContext;
  tracker: OperationTracker;
  index: number;
  timeoutSeconds: number;
}

export async function runHostTarget({ run, tracker, index, timeoutSeconds }: HostTargetArgs): Promise<void> {
  let target = tracker.target(index);
  try {
    const client = clientOf(run, target.cluster);
    if (target.step === 'planned') target = await tracker.apply(index, { type: 'start', at: run.now(), previousRevision: null });
    const deadline = (target.startedAt ?? run.now()).getTime() + timeoutSeconds * 1000;
    const node = target.name;
    if (target.step === 'changing') {
      await patchNode(run, client, node, { spec: { unschedulable: true }, metadata: { annotations: { [RESTART_OPERATION_ANNOTATION]: tracker.id } } });
      await drainNode({ run, client, node, deadline });
      if (!(await rebootUnderWay(run, client, node))) {
        await patchNode(run, client, node, { metadata: { annotations: { [REBOOT_REQUESTED_ANNOTATION]: run.now().toISOString() } } });
      }
      target = await tracker.apply(index, { type: 'changed' });
    }
    if (target.step === 'changed') {
      await waitForReboot(run, client, node, deadline, timeoutSeconds);
      await patchNode(run, client, node, { spec: { unschedulable: false }, metadata: { annotations: { [RESTART_OPERATION_ANNOTATION]: null } } });
      await tracker.apply(index, { type: 'succeeded', at: run.now() });
    }
  } catch (err) {
    const cause = asTargetError(run, err);
    if (!(cause instanceof TargetFailure)) throw cause;
    await tracker.apply(index, { type: 'failed', at: run.now(), reason: cause.message });
  }
}

function patchNode(run: RunContext, client: ClusterClient, node: string, body: object) {
  return client.patch('Node', node, body, { strategy: 'merge', signal: run.signal });
}

/** A reboot asked and not started, or started (NotReady): asking again would reboot it twice. */
async function rebootUnderWay(run: RunContext, client: ClusterClient, node: string): Promise<boolean> {
  const found = await client.get('Node', node, { signal: run.signal });
  if (!found) throw new TargetFailure(`node ${node} no longer exists`);
  return judgeReboot(found, REBOOT_REQUESTED_ANNOTATION) !== 'back';
}

/** @throws TargetFailure when the node is not back Ready by the deadline */
async function waitForReboot(run: RunContext, client: ClusterClient, node: string, deadline: number, timeoutSeconds: number): Promise<void> {
  for (;;) {
    try {
      const found = await client.get('Node', node, { signal: run.signal });
      if (!found) throw new TargetFailure(`node ${node} no longer exists`);
      if (judgeReboot(found, REBOOT_REQUESTED_ANNOTATION) === 'back') return;
    } catch (err) {
      const cause = asTargetError(run, err);
      // A cluster that cannot be read for a while is waited on like a node still down.
      if (!(cause instanceof TargetFailure) || !(err instanceof KubeCallError)) throw cause;
    }
    if (run.now().getTime() >= deadline) throw new TargetFailure(`${node} did not come back Ready within ${timeoutSeconds} s`);
    await run.sleep(run.pollMs, run.signal);
  }
}
