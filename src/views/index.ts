// The shared pieces of a gateway as one principal sees them; the context factory builds each
// request on these, so no resolver filters by scope.
export { scopedReader, scopedRegistry, scopedWatchEngine, seesKubeObject } from './fleet-views.js';
export { scopedOperationEvents, scopedOperations, scopedRunner, seesOperation } from './operation-views.js';
