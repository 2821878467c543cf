// What the gateway keeps: registered clusters, operations, the audit record (types.ts),
// in MongoDB or in embedded files, chosen by openStore. Operations are the operations
// model's (src/operations/model.ts), kept through its port (src/operations/ports.ts).
export {
  DuplicateKeyError,
  type AuditEntry,
  type AuditFilter,
  type AuditOutcome,
  type AuditPosition,
  type AuditSettlement,
  type AuditStore,
  type ClusterStore,
  type GatewayStore,
  type HostNameClaim,
  type HostNameClaimFields,
  type HostNameStore,
  type StoredCluster,
} from './types.js';
export {
  CredentialsRefusedError,
  DataDirLockedError,
  RecordNotFoundError,
  SecretKeyError,
  StoreClosedError,
  StoreCorruptError,
  StoreOpenError,
  type CorruptFile,
} from './errors.js';
export { findBadLines, repairDataDir, type FileRepair } from './repair.js';
export { lockDataDir, LOCK_FILE, type DataDirLock } from './data-dir-lock.js';
export { openStore, type OpenStoreOptions } from './open.js';
export { createEmbeddedStore, openEmbeddedStore, type EmbeddedStoreOptions } from './embedded.js';
export { openMongoStore, type MongoStoreOptions } from './mongodb.js';
