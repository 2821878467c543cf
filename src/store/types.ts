// What the gateway owns and keeps: clusters registered through the API, operations with
// their targets, and an audit record of every mutation. One interface, two adapters:
// MongoDB (MONGODB_URI) and an embedded file-backed store under DATA_DIR.
import type { OperationStore } from '../operations/ports.js';

export interface StoredCluster {
  name: string;
  server: string;
  token: string | null;
  certificateAuthorityData: string | null;
  insecureSkipTlsVerify: boolean;
  labels: Record<string, string>;
  registeredBy: string;
  createdAt: Date;
}

/** PENDING: attempted, outcome not (yet) recorded. Written before the mutation runs, settled after. */
export type AuditOutcome = 'PENDING' | 'SUCCEEDED' | 'FAILED';

export interface AuditEntry {
  id: string;
  /** when the mutation was attempted */
  at: Date;
  principal: string;
  /** the mutation's name, e.g. `rolloutImage` */
  action: string;
  /** its arguments, with secrets replaced by "[redacted]" and cut short past the audit's limits (src/audit) */
  args: Record<string, unknown>;
  outcome: AuditOutcome;
  error: { code: string; message: string } | null;
  /** the operation a mutation started, if any */
  operationId: string | null;
  /** when the outcome was recorded; null while PENDING */
  finishedAt: Date | null;
}

/** How an attempt ended. */
export type AuditSettlement = Pick<AuditEntry, 'error' | 'operationId' | 'finishedAt'> & { outcome: 'SUCCEEDED' | 'FAILED' };

/** Which entries to list; absent or null criteria match every entry. */
export interface AuditFilter {
  /** exactly this principal's name */
  principal?: string | null;
  /** exactly this mutation's name */
  action?: string | null;
  /** attempted at or after this time */
  since?: Date | null;
}

/** An entry's place in the newest-first order: listing `after` it returns older entries only. */
export interface AuditPosition {
  at: Date;
  id: string;
}

export interface ClusterStore {
  list(): Promise<StoredCluster[]>;
  get(name: string): Promise<StoredCluster | undefined>;
  /** throws DuplicateKeyError when the name is taken */
  insert(cluster: StoredCluster): Promise<void>;
  /** false when there was none */
  remove(name: string): Promise<boolean>;
}

export interface AuditStore {
  append(entry: Omit<AuditEntry, 'id'>): Promise<AuditEntry>;
  /** Records how a PENDING entry ended; RecordNotFoundError when there is no such PENDING entry (a settled one never changes). */
  settle(id: string, end: AuditSettlement): Promise<AuditEntry>;
  /** Newest first (by `at`, then id); only entries older than `after` when given; default limit 100. */
  list(opts?: AuditFilter & { after?: AuditPosition; limit?: number }): Promise<AuditEntry[]>;
  /** how many entries match */
  count(filter?: AuditFilter): Promise<number>;
}

/**
 * Which environment a host name belongs to. One claim per host name, kept under the name itself
 * (the documents' `_id`, unique in both databases), so of two environments claiming one name at
 * once exactly one insert succeeds.
 */
export interface HostNameClaim {
  /** lower-cased, as environments keep them */
  host: string;
  /** `org:env` */
  environment: string;
  /** 'pending' while the claiming call writes the clusters; 'held' once they carry the name */
  state: 'pending' | 'held';
  /** tells this claim from a later one of the same name: changes are made only to the claim read */
  token: string;
  /** when it was claimed (or last changed hands) */
  at: Date;
}

export type HostNameClaimFields = Partial<Pick<HostNameClaim, 'environment' | 'state' | 'token' | 'at'>>;

export interface HostNameStore {
  /** @throws DuplicateKeyError when the host name is claimed already */
  insert(claim: HostNameClaim): Promise<void>;
  get(host: string): Promise<HostNameClaim | undefined>;
  /** the claims of one environment, by host name */
  listFor(environment: string): Promise<HostNameClaim[]>;
  /** Changes the claim only if it still has `token`; false when it has changed hands or gone. */
  update(host: string, token: string, fields: HostNameClaimFields): Promise<boolean>;
  /** Removes the claim only if it still has `token`; false when it has changed hands or gone. */
  remove(host: string, token: string): Promise<boolean>;
}

export interface GatewayStore {
  readonly kind: 'embedded' | 'mongodb';
  readonly clusters: ClusterStore;
  readonly operations: OperationStore;
  readonly audit: AuditStore;
  /** which environment holds each host name (createEnvironment, updateEnvironment) */
  readonly hostNames: HostNameStore;
  close(): Promise<void>;
}

/** A unique key (cluster name, idempotency key) already taken. */
export class DuplicateKeyError extends Error {
  override readonly name = 'DuplicateKeyError';
}
