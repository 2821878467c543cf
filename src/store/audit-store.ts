import type { DocumentCollection, Query } from './collection.js';
import { type AuditDoc, fromAuditDoc, toAuditDoc } from './documents.js';
import { RecordNotFoundError } from './errors.js';
import { escapeKeys } from './keys.js';
import type { AuditFilter, AuditPosition, AuditStore } from './types.js';

const DEFAULT_LIMIT = 100;
const NEWEST_FIRST = { at: -1, _id: -1 } as const;

/**
 * The audit record: entries are appended PENDING and settled once, never otherwise changed.
 * Ids are time-ordered (ids.ts), so entries written in the same millisecond still list
 * newest first, and (at, id) is a keyset position pages continue from.
 */
export function createAuditStore({ docs, newId }: { docs: DocumentCollection<AuditDoc>; newId: () => string }): AuditStore {
  return {
    async append(entry) {
      const stored = { id: newId(), ...entry };
      await docs.insert(toAuditDoc(stored));
      return stored;
    },
    async settle(id, end) {
      const updated = await docs.update({ _id: id, outcome: 'PENDING' }, escapeKeys({ ...end }));
      if (!updated) throw new RecordNotFoundError(`no PENDING audit entry ${id}`);
      return fromAuditDoc(updated);
    },
    async list({ limit = DEFAULT_LIMIT, after, ...filter } = {}) {
      const found = await docs.find(auditQuery(filter, after), { sort: NEWEST_FIRST, limit });
      return found.map(fromAuditDoc);
    },
    count(filter = {}) {
      return docs.count(auditQuery(filter));
    },
  };
}

/** Both databases' query for the entries of `filter`, older than `after` when given. */
function auditQuery({ principal, action, since }: AuditFilter, after?: AuditPosition): Query {
  const conditions: Query[] = [];
  if (principal !== undefined && principal !== null) conditions.push({ principal });
  if (action !== undefined && action !== null) conditions.push({ action });
  if (since) conditions.push({ at: { $gte: since } });
  if (after) conditions.push({ $or: [{ at: { $lt: after.at } }, { at: after.at, _id: { $lt: after.id } }] });
  if (conditions.length === 0) return {};
  return conditions.length === 1 ? conditions[0]! : { $and: conditions };
}
