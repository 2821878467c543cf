// The store in MongoDB (MONGODB_URI): collections clusters, operations, audit and hostNames, ids kept as
// strings so documents look as the embedded store's do. Writes are retried once by the
// driver on a failover (retryWrites); claims (targets, idempotency keys) rest on unique ids.
import { type Collection, type Db, type Filter, MongoClient, MongoServerError, type Sort as MongoSort } from 'mongodb';
import { createAuditStore } from './audit-store.js';
import { createClusterStore, sealPlainTokens } from './cluster-store.js';
import type { DocumentCollection } from './collection.js';
import { createCredentialKeeper } from './credentials.js';
import type { AuditDoc, ClusterDoc, HostNameDoc, KeyDoc, LockDoc } from './documents.js';
import type { StoredOperationDoc } from './operation-doc.js';
import { createHostNameStore } from './host-name-store.js';
import { createTimeOrderedIds } from './ids.js';
import { createOperationStore } from './operation-store.js';
import { createSecretBox } from './secrets.js';
import { DuplicateKeyError, type GatewayStore } from './types.js';

export interface MongoStoreOptions {
  /** mongodb:// or mongodb+srv:// */
  uri: string;
  /** Database to use. Default: the one the URI names, else `fleetgraph`. */
  database?: string;
  /** How long to wait for a server before failing a call (and the open). Default 5000 ms. */
  serverSelectionTimeoutMS?: number;
  /** FLEETGRAPH_SECRET_KEY (32 bytes): cluster tokens are encrypted with it. Without it, tokens are refused. */
  secretKey?: Buffer;
}

const DUPLICATE_KEY = 11000;

/** Connects and makes sure the indexes exist; rejects when no server answers in time. */
export async function openMongoStore({ uri, database, serverSelectionTimeoutMS = 5000, secretKey }: MongoStoreOptions): Promise<GatewayStore> {
  const client = new MongoClient(uri, { retryWrites: true, serverSelectionTimeoutMS });
  try {
    await client.connect();
    const db = client.db(database ?? databaseInUri(uri) ?? 'fleetgraph');
    await ensureIndexes(db);
    const newId = createTimeOrderedIds();
    // A database others administer and back up: credentials go in only encrypted.
    const credentials = createCredentialKeeper({ box: secretKey && createSecretBox(secretKey), plainIsPrivate: false, where: 'MongoDB' });
    const clusterDocs = collection(db.collection<ClusterDoc>('clusters'));
    await sealPlainTokens(clusterDocs, credentials);
    return {
      kind: 'mongodb',
      clusters: createClusterStore({ docs: clusterDocs, newId, credentials }),
      operations: createOperationStore({
        docs: collection(db.collection<StoredOperationDoc>('operations')),
        locks: collection(db.collection<LockDoc>('locks')),
        keys: collection(db.collection<KeyDoc>('idempotency_keys')),
      }),
      audit: createAuditStore({ docs: collection(db.collection<AuditDoc>('audit')), newId }),
      // Keyed by the host name (`_id`, unique by MongoDB's own index): one claim per name.
      hostNames: createHostNameStore({ docs: collection(db.collection<HostNameDoc>('hostNames')) }),
      close: () => client.close(),
    };
  } catch (err) {
    await client.close();
    throw err;
  }
}

async function ensureIndexes(db: Db): Promise<void> {
  await db.collection('clusters').createIndex({ name: 1 }, { unique: true, name: 'name_unique' });
  const operations = db.collection('operations');
  // Keys live in idempotency_keys now, where they can expire: an earlier version's unique
  // index on the operations would refuse an expired key's reuse.
  if (await operations.indexExists('idempotency_unique').catch(() => false)) await operations.dropIndex('idempotency_unique');
  await db.collection('locks').createIndex({ operationId: 1 }, { name: 'operationId' });
  // The server removes expired keys on its own; the store also treats them as free before that.
  await db.collection('idempotency_keys').createIndex({ expiresAt: 1 }, { name: 'expiresAt_ttl', expireAfterSeconds: 0 });
  await operations.createIndex({ status: 1, createdAt: 1 }, { name: 'status_createdAt' });
  await operations.createIndex({ createdAt: -1 }, { name: 'createdAt' });
  const audit = db.collection('audit');
  await audit.createIndex({ at: -1, _id: -1 }, { name: 'at' });
  await audit.createIndex({ action: 1, at: -1 }, { name: 'action_at' });
  await audit.createIndex({ principal: 1, at: -1 }, { name: 'principal_at' });
  await db.collection('hostNames').createIndex({ environment: 1 }, { name: 'environment' });
}

/** The database named in the URI's path (`mongodb://host/<db>?...`), if any. */
export function databaseInUri(uri: string): string | undefined {
  const afterScheme = uri.replace(/^mongodb(\+srv)?:\/\//, '');
  const slash = afterScheme.indexOf('/');
  if (slash < 0) return undefined;
  const name = decodeURIComponent(afterScheme.slice(slash + 1).split('?')[0]!);
  return name === '' ? undefined : name;
}

function collection<D extends { _id: string }>(docs: Collection<D>): DocumentCollection<D> {
  // Queries are built by the stores in MongoDB syntax; the driver's types cannot follow dot paths.
  const filter = (query: object) => query as Filter<D>;
  return {
    async insert(doc) {
      try {
        await docs.insertOne(doc as Parameters<Collection<D>['insertOne']>[0]);
      } catch (err) {
        if (err instanceof MongoServerError && err.code === DUPLICATE_KEY) throw new DuplicateKeyError(err.message, { cause: err });
        throw err;
      }
    },
    async findOne(query) {
      return ((await docs.findOne(filter(query))) as D | null) ?? undefined;
    },
    async find(query, { sort, limit } = {}) {
      let cursor = docs.find(filter(query));
      if (sort) cursor = cursor.sort(sort as MongoSort);
      if (limit !== undefined) cursor = cursor.limit(limit);
      return (await cursor.toArray()) as D[];
    },
    count(query) {
      return docs.countDocuments(filter(query));
    },
    async update(query, set) {
      const updated = await docs.findOneAndUpdate(filter(query), { $set: set as Partial<D> }, { returnDocument: 'after' });
      return (updated as D | null) ?? undefined;
    },
    async remove(query) {
      return (await docs.deleteOne(filter(query))).deletedCount > 0;
    },
  };
}
