// The default store: nedb datastores, one file per collection under dataDir (or memory only).
// nedb keeps every document in memory and appends each change to its file, so the store
// suits the gateway's own records (clusters, operations, audit), not bulk data. One process
// per dataDir: two gateways sharing the files would overwrite each other's changes.
import { join } from 'node:path';
import nedb from '@seald-io/nedb';
import type * as Nedb from '@seald-io/nedb';
import { createAuditStore } from './audit-store.js';
import { createClusterStore } from './cluster-store.js';
import type { DocumentCollection } from './collection.js';
import type { AuditDoc, ClusterDoc, KeyDoc, LockDoc, OperationDoc } from './documents.js';
import { StoreClosedError } from './errors.js';
import { createTimeOrderedIds } from './ids.js';
import { createOperationStore } from './operation-store.js';
import { DuplicateKeyError, type GatewayStore } from './types.js';

export interface EmbeddedStoreOptions {
  /** Folder of the collection files (clusters.db, operations.db, locks.db, keys.db, audit.db); created if missing. Default ./.fleetgraph */
  dataDir?: string;
  /** Keep everything in memory; nothing is written and nothing survives close(). Default false. */
  inMemoryOnly?: boolean;
}

/**
 * Opens the embedded store, loading its files; rejects when they cannot be read or written.
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

function embeddedStore({ dataDir = './.fleetgraph', inMemoryOnly = false }: EmbeddedStoreOptions) {
  const file = (name: string) => (inMemoryOnly ? undefined : join(dataDir, `${name}.db`));
  const state = { closed: false };
  const clusters = load<ClusterDoc>(file('clusters'), [{ fieldName: 'name', unique: true }]);
  const operations = load<OperationDoc>(file('operations'), [{ fieldName: 'status' }, { fieldName: 'createdAt' }]);
  // Claimed targets and idempotency keys: unique by `_id`, as every nedb collection is.
  const locks = load<LockDoc>(file('locks'), [{ fieldName: 'operationId' }]);
  const keys = load<KeyDoc>(file('keys'), []);
  const audit = load<AuditDoc>(file('audit'), [{ fieldName: 'at' }, { fieldName: 'action' }, { fieldName: 'principal' }]);
  const newId = createTimeOrderedIds();
  const store: GatewayStore = {
    kind: 'embedded',
    clusters: createClusterStore({ docs: collection(clusters, state), newId }),
    operations: createOperationStore({ docs: collection(operations, state), locks: collection(locks, state), keys: collection(keys, state) }),
    audit: createAuditStore({ docs: collection(audit, state), newId }),
    async close() {
      if (state.closed) return;
      state.closed = true;
      // Compacting waits for queued writes, and leaves files that load without replaying history.
      const loaded = await Promise.allSettled<Promise<Datastore<unknown>>>([clusters, operations, locks, keys, audit]);
      for (const result of loaded) if (result.status === 'fulfilled') await result.value.compactDatafileAsync();
    },
  };
  return { store, ready: Promise.all([clusters, operations, locks, keys, audit]).then(() => undefined) };
}

// The package is CommonJS (`module.exports = Datastore`) while its types say `export default`:
// under NodeNext the default import is the class itself at run time, and `.default` in the types.
const Datastore = nedb as unknown as typeof nedb.default;
type Datastore<D> = Nedb.default<D>;

async function load<D>(filename: string | undefined, indexes: Nedb.default.EnsureIndexOptions[]): Promise<Datastore<D>> {
  const db = new Datastore<D>(filename ? { filename } : { inMemoryOnly: true });
  await db.loadDatabaseAsync();
  for (const index of indexes) await db.ensureIndexAsync(index);
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
      return (await cursor) as unknown as D[];
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
