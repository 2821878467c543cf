// One operation as the runner works on it: the latest stored copy, and every change written
// to the store first, then published. Targets of one operation change concurrently; the
// store sets each target's fields alone, so the copy kept is whichever write came back last
// for the operation and the per-target copy of each target's own last write.
import type { OperationFields, OperationStore, StoredOperation, StoredTarget } from '../store/types.js';
import type { OperationEvents } from './events.js';
import { type TargetEvent, transition } from './state.js';
import { operationRecordOf } from './stored.js';

export interface OperationTracker {
  readonly id: string;
  /** the latest copy, targets as this runner last wrote them */
  current(): StoredOperation;
  target(index: number): StoredTarget;
  apply(index: number, event: TargetEvent): Promise<StoredTarget>;
  update(fields: OperationFields): Promise<StoredOperation>;
}

export function trackOperation({ store, events, operation }: { store: OperationStore; events: OperationEvents; operation: StoredOperation }): OperationTracker {
  let latest = operation;
  const targets = [...operation.targets];
  const current = (): StoredOperation => ({ ...latest, targets: [...targets] });
  const publish = () => events.publish(operationRecordOf(current()));
  return {
    id: operation.id,
    current,
    target: (index) => targets[index]!,
    async apply(index, event) {
      const fields = transition(targets[index]!, event);
      const written = await store.updateTarget(operation.id, index, fields);
      latest = { ...written, cancelRequested: latest.cancelRequested || written.cancelRequested };
      targets[index] = written.targets[index]!;
      publish();
      return targets[index];
    },
    async update(fields) {
      latest = await store.update(operation.id, fields);
      publish();
      return current();
    },
  };
}
