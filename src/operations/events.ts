// Every state change of an operation and of its targets, for whoever listens
// (operationUpdated subscriptions). In process: the runner publishes, subscribers listen.
import { DEFAULT_QUEUE_LIMIT, type Delivery, type QueueLimit, queued } from '../events/index.js';
import type { OperationRecord } from './records.js';

export type OperationListener = (operation: OperationRecord) => void;

export interface OperationEvents {
  publish(operation: OperationRecord): void;
  /** every operation's changes, until the returned function is called */
  subscribe(listener: OperationListener): () => void;
}

export function createOperationEvents(): OperationEvents {
  const listeners = new Set<OperationListener>();
  return {
    publish(operation) {
      for (const listener of [...listeners]) listener(operation);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** Every state change of one operation (by global id), or of every operation when `id` is null, for one subscriber. */
export function operationChanges({
  events,
  id,
  queueLimit = DEFAULT_QUEUE_LIMIT,
}: { events: OperationEvents; id: string | null } & QueueLimit): AsyncIterableIterator<Delivery<OperationRecord>> {
  return queued<OperationRecord>(queueLimit, (push) => [events.subscribe((operation) => (id === null || operation.id === id) && push(operation))]);
}
