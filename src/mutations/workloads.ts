// Direct changes to one workload, as kubectl makes them: `scale`, `rollout pause`,
// `rollout resume`, `delete`. Each is one patch (or delete) of the object, so there is no
// read-modify-write to lose a race; the answer is the object the write returned.
import { BadUserInputError, NotFoundError } from '../errors/index.js';
import type { ClusterRegistry } from '../fleet/index.js';
import type { WorkloadKind, WorkloadRecord } from '../model/records.js';
import { KUBE_KIND_OF, workloadRecord } from '../model/workload.js';
import { type InputLimits, checkScaleWorkload, checkWorkloadArgument } from '../validation/index.js';
import { requireCluster } from '../fleet/cluster-names.js';
import { kubeCall } from './kube-errors.js';
import { assertNever } from '../lang/assert-never.js';

export interface WorkloadTarget {
  cluster: string;
  namespace: string;
  kind: WorkloadKind;
  name: string;
}

const KIND_NAME: Record<WorkloadKind, string> = { DEPLOYMENT: 'Deployment', STATEFULSET: 'StatefulSet', DAEMONSET: 'DaemonSet' };

/**
 * Sets the desired replicas (0 to `limits.maxReplicas`, MAX_REPLICAS). DaemonSets run one pod
 * per node and cannot be scaled.
 * @throws BadUserInputError, NotFoundError (cluster or workload), ClusterUnavailableError
 */
export function scaleWorkload(registry: ClusterRegistry, ref: WorkloadTarget, replicas: number, limits: InputLimits = {}): Promise<WorkloadRecord> {
  checkScaleWorkload({ workload: ref, replicas }, limits);
  if (ref.kind === 'DAEMONSET') throw new BadUserInputError(`input.workload: ${describe(ref)} cannot be scaled: a DaemonSet runs one pod on each eligible node`);
  return patchWorkload(registry, ref, { spec: { replicas } });
}

/**
 * Pauses (or resumes) a Deployment's rollouts, as `kubectl rollout pause|resume` does; only
 * Deployments have the field. Resuming removes it, as kubectl's patch does.
 * @throws BadUserInputError for other kinds, NotFoundError, ClusterUnavailableError
 */
export function setWorkloadPaused(registry: ClusterRegistry, ref: WorkloadTarget, paused: boolean): Promise<WorkloadRecord> {
  checkWorkloadArgument(ref);
  if (ref.kind !== 'DEPLOYMENT') {
    throw new BadUserInputError(`workload: ${describe(ref)} cannot be ${paused ? 'paused' : 'resumed'}: only Deployments pause their rollouts`);
  }
  return patchWorkload(registry, ref, { spec: { paused: paused ? true : null } });
}

/**
 * Deletes the workload; its ReplicaSets and pods follow (propagation Background, as kubectl).
 * @throws NotFoundError when there is nothing to delete, ClusterUnavailableError
 */
export async function deleteWorkload(registry: ClusterRegistry, ref: WorkloadTarget): Promise<true> {
  checkWorkloadArgument(ref);
  const { client } = requireCluster(registry, ref.cluster, 'workload.cluster');
  const deleted = await kubeCall(() => client.delete(KUBE_KIND_OF[ref.kind], ref.name, { namespace: ref.namespace, propagationPolicy: 'Background' }));
  if (!deleted) throw notFound(ref);
  return true;
}

async function patchWorkload(registry: ClusterRegistry, ref: WorkloadTarget, body: object): Promise<WorkloadRecord> {
  const { client } = requireCluster(registry, ref.cluster, 'workload.cluster');
  const opts = { namespace: ref.namespace, strategy: 'merge' as const };
  const onError = { notFound: () => notFound(ref) };
  switch (ref.kind) {
    case 'DEPLOYMENT':
      return workloadRecord(ref.cluster, 'DEPLOYMENT', await kubeCall(() => client.patch('Deployment', ref.name, body, opts), onError));
    case 'STATEFULSET':
      return workloadRecord(ref.cluster, 'STATEFULSET', await kubeCall(() => client.patch('StatefulSet', ref.name, body, opts), onError));
    case 'DAEMONSET':
      return workloadRecord(ref.cluster, 'DAEMONSET', await kubeCall(() => client.patch('DaemonSet', ref.name, body, opts), onError));
    default:
      return assertNever(ref.kind);
  }
}

function describe(ref: WorkloadTarget): string {
  return `${KIND_NAME[ref.kind]} ${ref.namespace}/${ref.name}`;
}

function notFound(ref: WorkloadTarget): NotFoundError {
  return new NotFoundError(`workload: no ${describe(ref)} in cluster "${ref.cluster}"`);
}
