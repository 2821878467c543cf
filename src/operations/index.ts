// Operations: long-running changes to the fleet (rollouts, restarts, host restarts): the model
// (model.ts) and the port the store implements (ports.ts), the read side, and the runner that
// plans, writes, executes and resumes them.
export {
  OPERATION_KINDS,
  OPERATION_STATUSES,
  TARGET_STATUSES,
  type Operation,
  type OperationFilter,
  type OperationKind,
  type OperationRequest,
  type OperationStatus,
  type OperationTarget,
  type TargetKind,
  type TargetStatus,
} from './model.js';
export { LeaseLostError, MalformedOperationError, type OperationStore } from './ports.js';
export { createOperationEvents, operationChanges, type OperationEvents, type OperationListener } from './events.js';
export { operationProgress, operationRecordOf, type OperationRecord, type OperationTargetRecord } from './records.js';
export { createMemoryOperationReader, matchesOperationFilter, type MemoryOperationReaderOptions, type OperationReader } from './reader.js';
export { OPERATIONS_NEWEST_FIRST, pageOperations } from './page.js';
export { startOperationRunner, type OperationRunner, type OperationRunnerOptions } from './runner.js';
export { planRollout, type RolloutImageInput } from './plan-rollout.js';
export { planRestart, type RestartWorkloadsInput, type WorkloadRefInput } from './plan-restart.js';
export { planRollback, type RollbackWorkloadInput } from './plan-rollback.js';
export { planHostRestart, type RestartHostsInput } from './plan-hosts.js';
