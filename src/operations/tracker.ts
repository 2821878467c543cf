// One operation as the runner works on it: the latest stored copy, and every change written
// to the store first, then published when the record changed. Targets of one operation change
// concurrently; the store sets each target's fields alone, so the copy kept is whichever write
// came back last for the operation and the per-target copy of each target's own last write.
import type { OperationEvents } from './events.js';
import type { Operation, OperationFields, OperationTarget } from './model.js';
import { LeaseLostError, type OperationStore } from './ports.js';
import { operationRecordOf } from './records.js';
import { RunnerStopped } from './runner-context.js';
import { type TargetEvent, transition } from './state.js';

export interface OperationTracker {
  readonly id: string;
  /** the latest copy, targets as this runner last wrote them */
  current(): Operation;
  target(index: number): OperationTarget;
  apply(index: number, event: TargetEvent): Promise<OperationTarget>;
  update(fields: OperationFields): Promise<Operation>;
}

export interface TrackArgs {
  store: OperationStore;
  events: OperationEvents;
  operation: Operation;
  /** the runner whose lease fences every write; none: unfenced */
  owner?: string;
  /** called when a write finds another runner holds the lease; the write then rejects with RunnerStopped */
  onLeaseLost?: () => void;
}

export function trackOperation({ store, events, operation, owner, onLeaseLost = () => {} }: TrackArgs): OperationTracker {
  const fence = { owner };
  const lost = (err: unknown): never => {
    if (!(err instanceof LeaseLostError)) throw err;
    onLeaseLost();
    throw new RunnerStopped('another gateway executes this operation now', { cause: err });
  };
  let latest = operation;
  const targets = [...operation.targets];
  const current = (): Operation => ({ ...latest, targets: [...targets] });
  // Only changes are published: a write of what the record does not show (a target's step, a
  // lease) would otherwise send subscribers the same payload again.
  let lastSent = JSON.stringify(operationRecordOf(operation));
  const publish = () => {
    const record = operationRecordOf(current());
    const payload = JSON.stringify(record);
    if (payload === lastSent) return;
    lastSent = payload;
    events.publish(record);
  };
  return {
    id: operation.id,
    current,
    target: (index) => targets[index]!,
    async apply(index, event) {
      const fields = transition(targets[index]!, event);
      const written = await store.updateTarget(operation.id, index, fields, fence).catch(lost);
      latest = { ...written, cancelRequested: latest.cancelRequested || written.cancelRequested };
      targets[index] = written.targets[index]!;
      publish();
      return targets[index];
    },
    async update(fields) {
      latest = await store.update(operation.id, fields, fence).catch(lost);
      publish();
      return current();
    },
  };
}
