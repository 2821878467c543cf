// Operations: long-running changes to the fleet (rollouts, restarts). This issue reads them;
// a later one adds the store that writes them.
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
