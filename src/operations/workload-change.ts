// The change each workload operation makes, and how to tell it already landed: a resumed
// target at step `changing` checks before changing, so no workload is changed twice.
import { type ClusterClient, KubeCallError, type KubeObjects } from '../kube/index.js';
import { type ControllerRevision, ownedRevisions, revisionNumbered, runsRevision } from '../model/controller-revisions.js';
import { imagePatch, imagesLanded, replicaSetAtRevision, restartLanded, restartPatch, runsTemplateOf, templateForRollback } from './changes.js';
import type { ContainerChange, WorkloadParams, WorkloadTarget } from './model.js';
import type { WorkloadObject } from './rollout-status.js';
import { TargetFailure } from './runner-context.js';
import { assertNever } from '../lang/assert-never.js';

export interface WorkloadChange {
  landed(obj: WorkloadObject): boolean;
  /** @param obj the workload as just read, not yet changed */
  apply(obj: WorkloadObject): Promise<unknown>;
}

export interface ChangeArgs {
  client: ClusterClient;
  target: WorkloadTarget;
  params: WorkloadParams;
  signal: AbortSignal;
}

/** @throws TargetFailure for a rollback whose revision is gone (read once, here) */
export async function workloadChange({ client, target, params, signal }: ChangeArgs): Promise<WorkloadChange> {
  const { kind, name } = target;
  const namespace = target.namespace ?? undefined;
  switch (params.kind) {
    case 'ROLLOUT':
      return {
        landed: (obj) => imagesLanded(obj, target.changes),
        apply: (obj) => patchImages({ client, target, params, signal }, obj),
      };
    case 'RESTART':
      return {
        landed: (obj) => restartLanded(obj, params.restartedAt),
        apply: () => client.patch(kind, name, restartPatch(params.restartedAt), { namespace, strategy: 'strategic', signal }),
      };
    case 'ROLLBACK': {
      if (kind !== 'Deployment') return revisionChange(client, { ...target, kind }, params.revision, signal);
      const rs = await revisionReplicaSet(client, target, params.revision, signal);
      return {
        landed: (obj) => runsTemplateOf(obj as KubeObjects['Deployment'], rs),
        apply: () => writeTemplate(client, target, rs, signal),
      };
    }
    default:
      return assertNever(params);
  }
}

/** Attempts at a guarded patch that keeps meeting writes of others (409) before the target fails. */
const PATCH_ATTEMPTS = 5;

/**
 * The planned images, written only over what was planned: the patch carries the resourceVersion
 * read, so a write since then is a 409, read again. A container another writer has moved off
 * its planned image since (a newer rollout, say) fails the target instead of being overwritten.
 * @throws TargetFailure naming what moved
 */
async function patchImages({ client, target, signal }: ChangeArgs, read: WorkloadObject): Promise<unknown> {
  const namespace = target.namespace ?? undefined;
  let obj: WorkloadObject | undefined = read;
  for (let attempt = 1; ; attempt++) {
    if (!obj) throw new TargetFailure(`${target.kind} ${target.namespace}/${target.name} no longer exists`);
    const moved = movedContainers(obj, target.changes);
    if (moved.length > 0) throw new TargetFailure(`not patched: changed since the operation was planned (${moved.join('; ')})`);
    const body = { metadata: { resourceVersion: obj.metadata?.resourceVersion }, ...imagePatch(target.changes) };
    try {
      return await client.patch(target.kind, target.name, body, { namespace, strategy: 'strategic', signal });
    } catch (err) {
      const conflict = err instanceof KubeCallError && err.failure.kind === 'http' && err.failure.status === 409;
      if (!conflict || attempt >= PATCH_ATTEMPTS) throw err;
      obj = await client.get(target.kind, target.name, { namespace, signal });
    }
  }
}

/** Containers running neither the image planned to be replaced nor the new one. */
function movedContainers(obj: WorkloadObject, changes: readonly ContainerChange[]): string[] {
  const containers = obj.spec?.template?.spec?.containers ?? [];
  return changes.flatMap((c) => {
    const image = containers.find((k) => k.name === c.container)?.image;
    if (image === c.from || image === c.to) return [];
    return [`container ${c.container} runs ${image ?? 'nothing'}, planned from ${c.from}`];
  });
}

/** `kubectl rollout undo --to-revision`: the Deployment's ReplicaSet at that revision. */
export async function revisionReplicaSet(client: ClusterClient, target: Pick<WorkloadTarget, 'name' | 'namespace'>, revision: number, signal: AbortSignal): Promise<KubeObjects['ReplicaSet']> {
  const namespace = target.namespace ?? undefined;
  const deployment = await client.get('Deployment', target.name, { namespace, signal });
  if (!deployment) throw new TargetFailure(`Deployment ${target.namespace}/${target.name} no longer exists`);
  const { items } = await client.list('ReplicaSet', { namespace, signal });
  const rs = replicaSetAtRevision(deployment, items, revision);
  if (!rs) throw new TargetFailure(`Deployment ${target.namespace}/${target.name} has no revision ${revision}`);
  return rs;
}

/** Writes the ReplicaSet's pod template back into the Deployment; a 409 reads again (ClusterClient.update). */
export function writeTemplate(client: ClusterClient, target: Pick<WorkloadTarget, 'name' | 'namespace'>, rs: KubeObjects['ReplicaSet'], signal: AbortSignal) {
  return client.update(
    'Deployment',
    target.name,
    (current) => {
      if (current.spec) current.spec.template = templateForRollback(rs);
    },
    { namespace: target.namespace ?? undefined, signal },
  );
}

type RevisionTarget = Pick<WorkloadTarget, 'name' | 'namespace'> & { kind: 'StatefulSet' | 'DaemonSet' };

/** `kubectl rollout undo` for a StatefulSet or DaemonSet: the revision's own patch, sent as it is. */
export async function revisionChange(client: ClusterClient, target: RevisionTarget, revision: number, signal: AbortSignal): Promise<WorkloadChange> {
  const found = await controllerRevision(client, target, revision, signal);
  return {
    landed: (obj) => runsRevision(obj as KubeObjects[RevisionTarget['kind']], found),
    apply: () => client.patch(target.kind, target.name, found.data as object, { namespace: target.namespace ?? undefined, strategy: 'strategic', signal }),
  };
}

/** @throws TargetFailure when the workload or its revision is gone */
async function controllerRevision(client: ClusterClient, target: RevisionTarget, revision: number, signal: AbortSignal): Promise<ControllerRevision> {
  const namespace = target.namespace ?? undefined;
  const owner = await client.get(target.kind, target.name, { namespace, signal });
  if (!owner) throw new TargetFailure(`${target.kind} ${target.namespace}/${target.name} no longer exists`);
  const { items } = await client.list('ControllerRevision', { namespace, signal });
  const found = revisionNumbered(ownedRevisions(owner, items), revision);
  if (!found) throw new TargetFailure(`${target.kind} ${target.namespace}/${target.name} has no revision ${revision}`);
  return found;
}
