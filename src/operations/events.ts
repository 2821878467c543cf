// Every state change of an operation and of its targets, for whoever listens
// (operationUpdated subscriptions). In process: the runner publishes, subscribers listen.
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
