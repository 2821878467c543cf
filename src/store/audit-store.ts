import type { DocumentCollection } from './collection.js';
import { type AuditDoc, fromAuditDoc, toAuditDoc } from './documents.js';
import type { AuditStore } from './types.js';

const DEFAULT_LIMIT = 100;

/**
 * The audit record, append-only. Ids are time-ordered (ids.ts), so entries written in the
 * same millisecond still list newest first.
 */
export function createAuditStore({ docs, newId }: { docs: DocumentCollection<AuditDoc>; newId: () => string }): AuditStore {
  return {
    async append(entry) {
      const stored = { id: newId(), ...entry };
      await docs.insert(toAuditDoc(stored));
      return stored;
    },
    async list({ limit = DEFAULT_LIMIT, action } = {}) {
      const found = await docs.find(action === undefined ? {} : { action }, { sort: { at: -1, _id: -1 }, limit });
      return found.map(fromAuditDoc);
    },
  };
}
