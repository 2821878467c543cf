import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MongoClient } from 'mongodb';
import { StoreClosedError, createEmbeddedStore, openEmbeddedStore, openMongoStore } from '../../src/store/index.js';
import { storeSuite, type StoreHarness } from './store.suite.js';

function embeddedInMemory(): StoreHarness {
  return { open: async (options) => createEmbeddedStore({ inMemoryOnly: true, ...options }), withoutKey: 'keeps tokens' };
}

function embeddedOnFiles(): StoreHarness {
  const dataDirs: string[] = [];
  const current = () => dataDirs.at(-1)!;
  return {
    async open(options) {
      dataDirs.push(await mkdtemp(join(tmpdir(), 'fleetgraph-store-')));
      return openEmbeddedStore({ dataDir: current(), ...options });
    },
    async reopen(store, options) {
      await store.close();
      return openEmbeddedStore({ dataDir: current(), ...options });
    },
    async cleanup() {
      for (const dataDir of dataDirs.splice(0)) await rm(dataDir, { recursive: true, force: true });
    },
    async atRest() {
      const names = await readdir(current());
      return (await Promise.all(names.map((name) => readFile(join(current(), name), 'utf8')))).join('\n');
    },
    // Its files are readable by the gateway's user only (0600 in a 0700 folder).
    withoutKey: 'keeps tokens',
  };
}

// Each store gets a database of its own, dropped afterwards.
function mongodb(uri: string): StoreHarness {
  const databases: string[] = [];
  const open = (secretKey?: Buffer) => openMongoStore({ uri, database: databases.at(-1), serverSelectionTimeoutMS: 1500, secretKey });
  const withClient = async <T>(use: (client: MongoClient) => Promise<T>): Promise<T> => {
    const client = new MongoClient(uri, { serverSelectionTimeoutMS: 1500 });
    try {
      return await use(client);
    } finally {
      await client.close();
    }
  };
  return {
    async open(options) {
      databases.push(`fleetgraph_test_${process.pid}_${Date.now()}_${databases.length}`);
      return open(options?.secretKey);
    },
    async reopen(store, options) {
      await store.close();
      return open(options?.secretKey);
    },
    async cleanup() {
      await withClient(async (client) => {
        for (const database of databases.splice(0)) await client.db(database).dropDatabase();
      });
    },
    atRest: () => withClient(async (client) => JSON.stringify(await client.db(databases.at(-1)).collection('clusters').find().toArray())),
    withoutKey: 'refuses tokens',
  };
}

const MONGODB_URI = process.env.MONGODB_URI;

describe.each([
  ['embedded, in memory', embeddedInMemory()],
  ['embedded, on files', embeddedOnFiles()],
])('%s store', (_, harness) => storeSuite(harness));

if (MONGODB_URI) {
  describe('MongoDB store', () => storeSuite(mongodb(MONGODB_URI)));
} else {
  describe.skip('MongoDB adapter: skipped (MONGODB_URI not set)', () => {
    it('runs the store suite against MongoDB when MONGODB_URI names a server', () => undefined);
  });
  console.info('MongoDB adapter: skipped (MONGODB_URI not set); set MONGODB_URI=mongodb://… to run the store suite against it');
}

describe('the embedded store', () => {
  it('refuses calls after close', async () => {
    const store = createEmbeddedStore({ inMemoryOnly: true });
    await store.close();
    await expect(store.clusters.list()).rejects.toBeInstanceOf(StoreClosedError);
  });

  it('fails to open where it cannot make its folder', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'fleetgraph-store-'));
    try {
      await writeFile(join(dir, 'file'), '');
      await expect(openEmbeddedStore({ dataDir: join(dir, 'file', 'data') })).rejects.toThrow(/ENOTDIR|EEXIST/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
