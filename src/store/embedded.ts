// The default store: nedb datastores, one file per collection under dataDir (or memory only).
// nedb keeps every document in memory and appends each change to its file, so the store
// suits the gateway's own records (clusters, operations, audit), not bulk data. One process
// per dataDir, held by a lock file (data-dir-lock.ts): two gateways sharing the files would
// overwrite each other's changes.
import { join } from 'node:path';
import nedb from '@seald-io/nedb';
import type * as Nedb from '@seald-io/nedb';
import type { Logger } from '../logging/index.js';
import { createAuditStore } from './audit-store.js';
import { createClusterStore, sealPlainTokens } from './cluster-store.js';
import type { DocumentCollection } from './collection.js';
import type { AuditDoc, ClusterDoc, HostNameDoc, KeyDoc, LockDoc } from './documents.js';
import type { StoredOperationDoc } from './operation-doc.js';
import { createCredentialKeeper } from './credentials.js';
import { FILE_MODE } from './data-file.js';
import { checkDataDir, DIR_MODE, makePrivateDataDir } from './data-dir.js';
import { lockDataDir, type DataDirLock } from './data-dir-lock.js';
import { StoreClosedError, StoreOpenError } from './errors.js';
import { createHostNameStore } from './host-name-store.js';
import { createTimeOrderedIds } from './ids.js';
import { createOperationStore } from './operation-store.js';
import { createSecretBox } from './secrets.js';
import { DuplicateKeyError, type GatewayStore } from './types.js';

export interface EmbeddedStoreOptions {
  /** Folder of the collection files (clusters.db, operations.db, locks.db, keys.db, audit.db, host-names.db); created (0700) if missing. Default ./.fleetgraph */
  dataDir?: string;
  /** Keep everything in memory; nothing is written and nothing survives close(). Default false. */
  inMemoryOnly?: boolean;
  /** FLEETGRAPH_SECRET_KEY (32 bytes): cluster tokens are encrypted with it. Default none: kept plain in the private files. */
  secretKey?: Buffer;
  /** Where repairs and loosened modes are reported. Default: not reported. */
  logger?: Logger;
}

/**
 * Opens the embedded store: makes its folder private, locks it (one process per folder),
 * checks and loads its files.
 * @throws DataDirLockedError when another live process holds the folder
 * @throws StoreCorruptError when a file holds bad lines other than a torn last line (which is repaired)
 * @throws StoreOpenError when a file cannot be loaded; file-system errors as they are.
 * See createEmbeddedStore for a store usable at once.
 */
export async function openEmbeddedStore(options: EmbeddedStoreOptions = {}): Promise<GatewayStore> {
  const { store, ready } = embeddedStore(options);
  await ready;
  return store;
}

/**
 * An embedded store usable at once: each call waits for its collection to load. For the
 * in-memory store that tests and benchmarks default to, where loading cannot fail.
 */
export function createEmbeddedStore(options: EmbeddedStoreOptions = {}): GatewayStore {
  const { store, ready } = embeddedStore(options);
  // A failure also rejects every call; this keeps the load's own rejection from being unhandled.
  ready.catch(() => undefined);
  return store;
}

function embeddedStore({ dataDir = './.fleetgraph', inMemoryOnly = false, secretKey, logger }: EmbeddedStoreOptions) {
  const state = { closed: false };
  const lock = inMemoryOnly ? Promise.resolve(undefined) : prepareDataDir(dataDir, logger);
  const { clusters, operations, locks, keys, audit, hostNames } = loadCollections(lock, inMemoryOnly ? undefined : dataDir);
  const newId = createTimeOrderedIds();
  // Memory, or files only the gateway's user can read (prepareDataDir): plain tokens are allowed.
  const credentials = createCredentialKeeper({ box: secretKey && createSecretBox(secretKey), plainIsPrivate: true, where: `DATA_DIR ${dataDir}` });
  const release = async () => (await lock.catch(() => undefined))?.release();
  const clusterDocs = collection(clusters, state);
  const store: GatewayStore = {
    kind: 'embedded',
    clusters: createClusterStore({ docs: clusterDocs, newId, credentials }),
    operations: createOperationStore({ docs: collection(operations, state), locks: collection(locks, state), keys: collection(keys, state) }),
    audit: createAuditStore({ docs: collection(audit, state), newId }),
    hostNames: createHostNameStore({ docs: collection(hostNames, state) }),
    async close() {
      if (state.closed) return;
      state.closed = true;
      // Compacting waits for queued writes, and leaves files that load without replaying history.
      try {
        const loaded = await Promise.allSettled<Promise<Datastore<unknown>>>([clusters, operations, locks, keys, audit, hostNames]);
        for (const result of loaded) if (result.status === 'fulfilled') await result.value.compactDatafileAsync();
      } finally {
        await release();
      }
    },
  };
  const ready = Promise.all([clusters, operations, locks, keys, audit, hostNames])
    .then(async ([clustersDb]) => {
      const sealed = await sealPlainTokens(clusterDocs, credentials);
      if (sealed === 0) return;
      // The plain lines stay in the file until it is compacted: compact at once.
      await clustersDb.compactDatafileAsync();
      logger?.info({ clusters: sealed }, "registered clusters' tokens kept in plain are now encrypted with FLEETGRAPH_SECRET_KEY");
    })
    .catch(async (err: unknown) => {
      state.closed = true;
      await release();
      throw err;
    });
  return { store, ready };
}

/** The collections, loaded once the folder is ready; in memory when there is no folder. */
function loadCollections(ready: Promise<unknown>, dataDir: string | undefined) {
  const load = <D>(name: string, indexes: Nedb.default.EnsureIndexOptions[]) =>
    ready.then(() => loadCollection<D>(dataDir === undefined ? undefined : join(dataDir, `${name}.db`), indexes));
  return {
    clusters: load<ClusterDoc>('clusters', [{ fieldName: 'name', unique: true }]),
    operations: load<StoredOperationDoc>('operations', [{ fieldName: 'status' }, { fieldName: 'createdAt' }]),
    // Claimed targets and idempotency keys: unique by `_id`, as every nedb collection is.
    locks: load<LockDoc>('locks', [{ fieldName: 'operationId' }]),
    keys: load<KeyDoc>('keys', []),
    audit: load<AuditDoc>('audit', [{ fieldName: 'at' }, { fieldName: 'action' }, { fieldName: 'principal' }]),
    // Keyed by the host name (`_id`, always unique): one claim per name.
    hostNames: load<HostNameDoc>('host-names', [{ fieldName: 'environment' }]),
  };
}

/** Private folder, then the lock, then the files' check: nothing is read or repaired under another process. */
async function prepareDataDir(dataDir: string, logger: Logger | undefined): Promise<DataDirLock> {
  await makePrivateDataDir(dataDir, logger);
  const lock = await lockDataDir(dataDir);
  try {
    await checkDataDir(dataDir, logger);
    return lock;
  } catch (err) {
    await lock.release();
    throw err;
  }
}

// The package is CommonJS (`module.exports = Datastore`) while its types say `export default`:
// under NodeNext the default import is the class itself at run time, and `.default` in the types.
// Either way round, this is the class.
const Datastore: typeof nedb.default = 'default' in nedb ? nedb.default : nedb;
type Datastore<D> = Nedb.default<D>;

// corruptAlertThreshold 0: a line nedb cannot read fails the load instead of being dropped
// (checkDataDir has read every line before, so this is a second guard, not the report).
async function loadCollection<D>(filename: string | undefined, indexes: Nedb.default.EnsureIndexOptions[]): Promise<Datastore<D>> {
  const db = new Datastore<D>(filename ? { filename, corruptAlertThreshold: 0, modes: { fileMode: FILE_MODE, dirMode: DIR_MODE } } : { inMemoryOnly: true });
  try {
    await db.loadDatabaseAsync();
    for (const index of indexes) await db.ensureIndexAsync(index);
  } catch (err) {
    throw new StoreOpenError(`The store file ${filename ?? '(memory)'} cannot be loaded: ${(err as Error).message}`, { cause: err });
  }
  return db;
}

function collection<D extends { _id: string }>(
  loading: Promise<Datastore<D>>,
  state: { closed: boolean },
  prepare: (doc: D) => D = (doc) => doc,
): DocumentCollection<D> {
  const db = async () => {
    if (state.closed) throw new StoreClosedError();
    return loading;
  };
  return {
    async insert(doc) {
      try {
        await (await db()).insertAsync(prepare(doc));
      } catch (err) {
        if ((err as { errorType?: unknown }).errorType === 'uniqueViolated') {
          throw new DuplicateKeyError((err as Error).message, { cause: err });
        }
        throw err;
      }
    },
    async findOne(query) {
      return ((await (await db()).findOneAsync(query)) as D | null) ?? undefined;
    },
    async find(query, { sort, limit } = {}) {
      let cursor = (await db()).findAsync(query);
      if (sort) cursor = cursor.sort(sort);
      if (limit !== undefined) cursor = cursor.limit(limit);
      return await cursor;
    },
    async count(query) {
      return (await db()).countAsync(query);
    },
    async update(query, set) {
      const { affectedDocuments } = await (await db()).updateAsync(query, { $set: set }, { returnUpdatedDocs: true });
      return (affectedDocuments as D | null) ?? undefined;
    },
    async remove(query) {
      return (await (await db()).removeAsync(query, {})) > 0;
    },
  };
}
