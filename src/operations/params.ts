// What an operation was asked to do, as kept in StoredOperation.params: enough for a
// restarted gateway to carry on exactly as the first one would have.
import type { StoredOperation } from '../store/types.js';
import type { RolloutStrategy } from './strategy.js';

export type OperationParams =
  | { kind: 'ROLLOUT'; image: string; strategy: RolloutStrategy; clusterOrder: string[] }
  /** one restartedAt for every target: what a resumed target checks its workload against */
  | { kind: 'RESTART'; restartedAt: string; strategy: RolloutStrategy; clusterOrder: string[] }
  /** the revision resolved when the operation was asked (the previous one when none was given) */
  | { kind: 'ROLLBACK'; revision: number; strategy: RolloutStrategy; clusterOrder: string[] }
  | { kind: 'HOST_RESTART'; maxUnavailable: number; timeoutSeconds: number };

export type WorkloadParams = Exclude<OperationParams, { kind: 'HOST_RESTART' }>;

/** The params this runner wrote; an operation written otherwise is a bug, reported as such. */
export function paramsOf(op: Pick<StoredOperation, 'id' | 'kind' | 'params'>): OperationParams {
  const params = op.params as Partial<OperationParams>;
  if (params.kind !== op.kind) throw new Error(`operation ${op.id} (${op.kind}) has params for ${String(params.kind)}`);
  return params as OperationParams;
}
