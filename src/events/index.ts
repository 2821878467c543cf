// Live changes to the fleet: one shared list+watch per (cluster, kind), fanned out to
// GraphQL subscriptions and event sinks.
export type { CachedKind, ChangeListener, ChangeType, Informer, ResourceChange, TypedResourceChange, StreamKey, StreamState, StreamStatus, WatchEngine, WatchedKind } from './types.js';
export { CACHED_KINDS, WATCHED_KINDS, typed } from './types.js';
export { createWatchEngine, type Timers, type WatchEngineOptions } from './engine.js';
export { compileFilter, type CompiledFilter, type ResourceEventFilter } from './filter.js';
export { RESOURCE_KINDS, toResourceEvent, type ResourceEventRecord, type ResourceEventType, type ResourceKind, type ResourceRecord } from './resource-event.js';
export { initialChanges, type InitialChangesOptions, type ResourceStreamItem, type SyncedMark } from './initial-changes.js';
export { DEFAULT_QUEUE_LIMIT, queued, resourceChanges, type Delivery, type QueueLimit } from './subscription.js';
export { SubscriberTooSlowError } from './errors.js';
