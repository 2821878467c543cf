// How records are laid out in either database: the record's id under `_id` (a string, never
// an ObjectId, so both adapters hold the same documents), free-form keys escaped (keys.ts).
import type { AuditEntry, HostNameClaim, StoredCluster, StoredOperation } from './types.js';
import { escapeKeys, unescapeKeys } from './keys.js';

export type ClusterDoc = StoredCluster & { _id: string };
export type OperationDoc = Omit<StoredOperation, 'id'> & { _id: string };
export type AuditDoc = Omit<AuditEntry, 'id'> & { _id: string };
/** keyed by the host name itself: `_id` is unique in both databases */
export type HostNameDoc = Omit<HostNameClaim, 'host'> & { _id: string };

export function toClusterDoc(cluster: StoredCluster, id: string): ClusterDoc {
  return escapeKeys({ _id: id, ...cluster });
}

export function fromClusterDoc(doc: ClusterDoc): StoredCluster {
  const { _id, ...cluster } = unescapeKeys(doc);
  return cluster;
}

export function toOperationDoc({ id, ...operation }: StoredOperation): OperationDoc {
  return escapeKeys({ _id: id, ...operation });
}

export function fromOperationDoc(doc: OperationDoc): StoredOperation {
  const { _id, ...operation } = unescapeKeys(doc);
  // Adapters may keep extra fields of their own (the embedded one's idempotency key); drop them.
  delete (operation as { idempotency?: unknown }).idempotency;
  return { id: _id, ...operation };
}

export function toAuditDoc({ id, ...entry }: AuditEntry): AuditDoc {
  return escapeKeys({ _id: id, ...entry });
}

export function fromAuditDoc(doc: AuditDoc): AuditEntry {
  const { _id, ...entry } = unescapeKeys(doc);
  return { id: _id, ...entry };
}

export function toHostNameDoc({ host, ...claim }: HostNameClaim): HostNameDoc {
  return { _id: host, ...claim };
}

export function fromHostNameDoc({ _id, ...claim }: HostNameDoc): HostNameClaim {
  return { host: _id, ...claim };
}
