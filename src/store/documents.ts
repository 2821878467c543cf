// How records are laid out in either database: the record's id under `_id` (a string, never
// an ObjectId, so both adapters hold the same documents), free-form keys escaped (keys.ts).
import type { KeptCredential } from './credentials.js';
import type { IdempotencyKey } from '../operations/ports.js';
import type { AuditEntry, HostNameClaim, StoredCluster } from './types.js';
import { escapeKeys, unescapeKeys } from './keys.js';

/** `token` as kept: sealed under FLEETGRAPH_SECRET_KEY, or plain where that is allowed (credentials.ts). */
export type ClusterDoc = Omit<StoredCluster, 'token'> & { _id: string; token: KeptCredential };
// An entry's args are kept as JSON text: the databases never look inside them, so no shape of
// argument can trip either one (nedb checks nested lists in 2^depth steps, MongoDB refuses
// documents nested past 100 levels). Entries written before were objects, and still read.
export type AuditDoc = Omit<AuditEntry, 'id' | 'args'> & { _id: string; args: string | Record<string, unknown> };
/** A claimed target: `_id` is the target's key, so one operation at a time can hold it. */
export type LockDoc = { _id: string; operationId: string; at: Date };
/** An idempotency key: `_id` is (principal, key), so one request at a time can hold it. */
export type KeyDoc = IdempotencyKey & { _id: string };
/** keyed by the host name itself: `_id` is unique in both databases */
export type HostNameDoc = Omit<HostNameClaim, 'host'> & { _id: string };

export function toClusterDoc(cluster: StoredCluster, id: string, token: KeptCredential): ClusterDoc {
  return escapeKeys({ _id: id, ...cluster, token });
}

export function fromClusterDoc(doc: ClusterDoc, readToken: (kept: KeptCredential) => string | null): StoredCluster {
  const { _id, token, ...cluster } = unescapeKeys(doc);
  return { ...cluster, token: readToken(token) };
}

export function toAuditDoc({ id, args, ...entry }: AuditEntry): AuditDoc {
  return { ...escapeKeys({ _id: id, ...entry }), args: JSON.stringify(args) };
}

export function fromAuditDoc(doc: AuditDoc): AuditEntry {
  const { _id, args, ...entry } = unescapeKeys(doc);
  // Entries written before attempts were recorded up front have no finishedAt.
  return { id: _id, ...entry, args: typeof args === 'string' ? (JSON.parse(args) as Record<string, unknown>) : args, finishedAt: entry.finishedAt ?? null };
}

export function toHostNameDoc({ host, ...claim }: HostNameClaim): HostNameDoc {
  return { _id: host, ...claim };
}

export function fromHostNameDoc({ _id, ...claim }: HostNameDoc): HostNameClaim {
  return { host: _id, ...claim };
}
