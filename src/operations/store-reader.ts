// Operations read from the store: global ids outside, the store's own ids inside. Each call
// reads the store, so every request sees the latest state the runner wrote.
import { fromGlobalId } from '../model/ids.js';
import type { OperationStore } from './ports.js';
import type { OperationReader } from './reader.js';
import { operationRecordOf } from './records.js';

export function createStoreOperationReader({ operations }: { operations: OperationStore }): OperationReader {
  return {
    async list(filter = {}) {
      return (await operations.list(filter)).map(operationRecordOf);
    },
    async get(id) {
      const decoded = fromGlobalId(id);
      if (decoded?.type !== 'Operation' || decoded.parts.length !== 1) return undefined;
      const stored = await operations.get(decoded.parts[0]!);
      return stored && operationRecordOf(stored);
    },
  };
}
