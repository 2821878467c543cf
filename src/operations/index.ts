// Operations: long-running changes to the fleet (rollouts, restarts, host restarts): the read
// side, and the runner that plans, writes, runs and resumes them.
export {
  OPERATION_KINDS,
  OPERATION_STATUSES,
  TARGET_STATUSES,
  operationProgress,
  type OperationKind,
  type OperationRecord,
  type OperationStatus,
  type OperationTargetRecord,
  type TargetKind,
  type TargetStatus,
} from './records.js';
export {
  createMemoryOperationReader,
  matchesOperationFilter,
  type MemoryOperationReaderOptions,
  type OperationFilter,
  type OperationReader,
} from './reader.js';
export { OPERATIONS_NEWEST_FIRST, pageOperations } from './page.js';
export { operationRecordOf } from './stored.js';
export { startOperationRunner, type OperationRequest, type OperationRunner, type OperationRunnerOptions } from './runner.js';
export { planRollout, type RolloutImageInput } from './plan-rollout.js';
export { planRestart, type RestartWorkloadsInput, type WorkloadRefInput } from './plan-restart.js';
export { planRollback, type RollbackWorkloadInput } from './plan-rollback.js';
export { planHostRestart, type RestartHostsInput } from './plan-hosts.js';
