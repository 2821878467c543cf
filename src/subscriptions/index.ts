export { groupKey, principalKey, type GroupKeyInput } from './group-key.js';
export { createSharedExecution, type GroupStatus, type SharedExecution, type SharedExecutionOptions, type SubscriberStream } from './shared-execution.js';
export { INITIAL_ARGUMENT, asksForInitialState } from './initial-state.js';
