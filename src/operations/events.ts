// Every state change of an operation and of its targets, for whoever listens
// (operationUpdated subscriptions). In process: the runner publishes, subscribers listen.
import type { OperationRecord } from './records.js';

export type OperationListener = (operation: OperationRecord) => void;

export interface OperationEvents {
  publish(operation: OperationRecord): void;
  /** every operation's changes, until the returned function is called */
  subscribe(listener: OperationListener): () => void;
}

/**
 * Publishes only changes: a record equal to the one last published for its operation (a write
 * of fields the record does not show, such as a target's step) is not sent again. What was
 * last sent is kept per unfinished operation only.
 */
export function createOperationEvents(): OperationEvents {
  const listeners = new Set<OperationListener>();
  const lastSent = new Map<string, string>();
  return {
    publish(operation) {
      const payload = JSON.stringify(operation);
      if (lastSent.get(operation.id) === payload) return;
      if (operation.status === 'PENDING' || operation.status === 'RUNNING') lastSent.set(operation.id, payload);
      else lastSent.delete(operation.id);
      for (const listener of [...listeners]) listener(operation);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
