// One workload target, from wherever its stored step says it stands to done:
//   planned      read the workload, record its revision, step `changing`
//   changing     change it, unless the change already landed (a resumed target), step `changed`
//   changed      wait for the rollout: SUCCEEDED when complete, else FAILED (or rolling back)
//   rolling-back write the recorded revision back, FAILED with a message saying so
import { type ClusterClient, KubeCallError, type KubeObjects } from '../kube/index.js';
import { currentRevisionNumber, ownedRevisions, updateRevisionOf } from '../model/controller-revisions.js';
import { deploymentRevision } from '../model/revision-annotation.js';
import { imagePatch } from './changes.js';
import type { OperationTarget, WorkloadParams, WorkloadTarget } from './model.js';
import { type RolloutJudgement, type WorkloadObject, judgeRollout } from './rollout-status.js';
import { type RunnerContext, TargetFailure, asTargetError, clientOf } from './runner-context.js';
import type { OperationTracker } from './tracker.js';
import { revisionChange, revisionReplicaSet, workloadChange, writeTemplate } from './workload-change.js';

export interface WorkloadTargetArgs {
  run: RunnerContext;
  tracker: OperationTracker;
  index: number;
  params: WorkloadParams;
}

export async function executeWorkloadTarget({ run, tracker, index, params }: WorkloadTargetArgs): Promise<void> {
  let target = workloadTarget(tracker.target(index));
  try {
    const client = clientOf(run, target.cluster);
    if (target.step === 'planned') {
      // Started either way, so that a read failing here fails the target as any later step would.
      const read_ = await read(run, client, target).then((obj) => ({ obj }), (failure: unknown) => ({ obj: undefined, failure }));
      const previousRevision = read_.obj ? await revisionNow(run, client, target, read_.obj) : null;
      target = workloadTarget(await tracker.apply(index, { type: 'start', at: run.now(), previousRevision }));
      if ('failure' in read_) throw read_.failure;
    }
    if (target.step === 'changing') {
      const change = await workloadChange({ client, target, params, signal: run.signal });
      const obj = await read(run, client, target);
      if (!obj) throw new TargetFailure(`${target.kind} ${target.namespace}/${target.name} no longer exists`);
      if (!change.landed(obj)) await change.apply(obj);
      target = workloadTarget(await tracker.apply(index, { type: 'changed' }));
    }
    if (target.step === 'changed') {
      const judgement = await waitForRollout(run, client, target, params.strategy.timeoutSeconds);
      if (judgement.phase === 'complete') {
        await tracker.apply(index, { type: 'succeeded', at: run.now() });
        return;
      }
      const reason = judgement.phase === 'failed' ? judgement.reason : judgement.why;
      if (!params.strategy.rollbackOnFailure) {
        await tracker.apply(index, { type: 'failed', at: run.now(), reason });
        return;
      }
      target = workloadTarget(await tracker.apply(index, { type: 'rolling-back', reason }));
    }
    if (target.step === 'rolling-back') {
      const revision = await rollBack(run, client, target);
      await tracker.apply(index, { type: 'rolled-back', at: run.now(), revision });
    }
  } catch (err) {
    const cause = asTargetError(run, err);
    if (!(cause instanceof TargetFailure)) throw cause;
    await tracker.apply(index, { type: 'failed', at: run.now(), reason: cause.message });
  }
}

function workloadTarget(target: OperationTarget): WorkloadTarget {
  if (target.kind === 'Node' || target.kind === 'Cluster') throw new Error(`a workload operation's target ${target.cluster}/${target.name} is a ${target.kind}`);
  return target;
}

/** The workload's revision before the change: a Deployment's annotation, else its ControllerRevisions' (null when unreadable). */
async function revisionNow(run: RunnerContext, client: ClusterClient, target: WorkloadTarget, obj: WorkloadObject): Promise<number | null> {
  if (target.kind === 'Deployment') return deploymentRevision(obj);
  try {
    const { items } = await client.list('ControllerRevision', { namespace: target.namespace ?? undefined, signal: run.signal });
    return currentRevisionNumber(ownedRevisions(obj, items), updateRevisionOf(obj as KubeObjects['StatefulSet' | 'DaemonSet']));
  } catch (err) {
    // Only the way back on failure needs it; without it the images are put back instead.
    if (err instanceof KubeCallError) return null;
    throw err;
  }
}

async function read(run: RunnerContext, client: ClusterClient, target: WorkloadTarget): Promise<WorkloadObject | undefined> {
  return client.get(target.kind, target.name, { namespace: target.namespace ?? undefined, signal: run.signal });
}

/**
 * Reads the workload every pollMs until its rollout completes or fails, or timeoutSeconds
 * after the target started (then 'waiting', with why). A cluster that cannot be read for a
 * while is waited on like a rollout under way.
 */
async function waitForRollout(run: RunnerContext, client: ClusterClient, target: WorkloadTarget, timeoutSeconds: number): Promise<RolloutJudgement> {
  const deadline = (target.startedAt ?? run.now()).getTime() + timeoutSeconds * 1000;
  let why = 'the rollout has not been observed';
  for (;;) {
    try {
      const obj = await read(run, client, target);
      if (!obj) return { phase: 'failed', reason: `${target.kind} ${target.namespace}/${target.name} no longer exists` };
      const judgement = judgeRollout(target.kind, obj);
      if (judgement.phase !== 'waiting') return judgement;
      why = judgement.why;
    } catch (err) {
      const cause = asTargetError(run, err);
      if (!(cause instanceof TargetFailure)) throw cause;
      why = cause.message;
    }
    if (run.now().getTime() >= deadline) return { phase: 'waiting', why: `not available within ${timeoutSeconds} s: ${why}` };
    await run.sleep(run.pollMs, run.signal);
  }
}

/**
 * Back to where the target was: to the revision recorded before the change (as `kubectl rollout
 * undo --to-revision`: a Deployment's ReplicaSet, a StatefulSet's or DaemonSet's
 * ControllerRevision); with none recorded, to the images it replaced. Resolves with the
 * revision, null for images.
 * @throws TargetFailure when there is nothing to go back to
 */
async function rollBack(run: RunnerContext, client: ClusterClient, target: WorkloadTarget): Promise<number | null> {
  if (target.kind === 'Deployment' && target.previousRevision !== null) {
    const rs = await revisionReplicaSet(client, target, target.previousRevision, run.signal);
    await writeTemplate(client, target, rs, run.signal);
    return target.previousRevision;
  }
  if (target.kind !== 'Deployment' && target.previousRevision !== null) {
    const change = await revisionChange(client, { ...target, kind: target.kind }, target.previousRevision, run.signal);
    const obj = await read(run, client, target);
    if (!obj) throw new TargetFailure(`${target.kind} ${target.namespace}/${target.name} no longer exists`);
    if (!change.landed(obj)) await change.apply(obj);
    return target.previousRevision;
  }
  if (target.changes.length === 0) throw new TargetFailure(`${target.message ?? 'failed'} (not rolled back: no earlier revision was recorded)`);
  const back = target.changes.map((c) => ({ ...c, to: c.from }));
  await client.patch(target.kind, target.name, imagePatch(back), { namespace: target.namespace ?? undefined, strategy: 'strategic', signal: run.signal });
  return null;
}

