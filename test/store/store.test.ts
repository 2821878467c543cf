import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MongoClient } from 'mongodb';
import { StoreClosedError, createEmbeddedStore, openEmbeddedStore, openMongoStore } from '../../src/store/index.js';
import { storeSuite, type StoreHarness } from './store.suite.js';

function embeddedInMemory(): StoreHarness {
  return { open: async () => createEmbeddedStore({ inMemoryOnly: true }) };
}

function embeddedOnFiles(): StoreHarness {
  let dataDir: string | undefined;
  return {
    async open() {
      dataDir = await mkdtemp(join(tmpdir(), 'fleetgraph-store-'));
      return openEmbeddedStore({ dataDir });
    },
    async reopen(store) {
      await store.close();
      return openEmbeddedStore({ dataDir });
    },
    async cleanup() {
      if (dataDir) await rm(dataDir, { recursive: true, force: true });
    },
  };
}

// Each run gets a database of its own, dropped afterwards.
function mongodb(uri: string): StoreHarness {
  let database: string | undefined;
  const open = () => openMongoStore({ uri, database, serverSelectionTimeoutMS: 1500 });
  return {
    async open() {
      database = `fleetgraph_test_${process.pid}_${Date.now()}`;
      return open();
    },
    async reopen(store) {
      await store.close();
      return open();
    },
    async cleanup() {
      const client = new MongoClient(uri, { serverSelectionTimeoutMS: 1500 });
      try {
        await client.db(database).dropDatabase();
      } finally {
        await client.close();
      }
    },
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
