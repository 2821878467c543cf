// A stored operation edited by hand into something that is not an operation: the store refuses
// to read it as one, naming it and what is wrong, and the gateway still starts: it resumes the
// other operations, leaves that one alone (logged once as an error), and its clients see the
// others while the broken one is an internal error, not a half-read operation.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClusterRegistry } from '../../src/fleet/index.js';
import { createLogger } from '../../src/logging/index.js';
import { toGlobalId } from '../../src/model/ids.js';
import { MalformedOperationError, type OperationStore, createOperationEvents, startOperationRunner } from '../../src/operations/index.js';
import { RunnerStopped } from '../../src/operations/runner-context.js';
import { type GatewayStore, openEmbeddedStore } from '../../src/store/index.js';
import { startTestGateway } from '../support/gateway.js';
import { operation } from './store.suite.js';

let root: string;
let store: GatewayStore;
/** PENDING with no targets: resumed, it ends SUCCEEDED at once */
const good = operation({ id: 'op-good', targets: [] });
/** PENDING, its target's step changed by hand to one the runner does not know */
const bad = operation({ id: 'op-bad' });

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'fleetgraph-malformed-'));
  const first = await openEmbeddedStore({ dataDir: root });
  await first.operations.create(good);
  await first.operations.create(bad);
  await first.close();
  const file = join(root, 'operations.db');
  const lines = (await readFile(file, 'utf8')).split('\n');
  const edited = lines.map((line) => (line.includes('"_id":"op-bad"') ? line.replace('"step":"planned"', '"step":"half-way"') : line));
  expect(edited).not.toEqual(lines);
  await writeFile(file, edited.join('\n'));
  store = await openEmbeddedStore({ dataDir: root });
});

afterAll(async () => {
  await store?.close();
  await rm(root, { recursive: true, force: true });
});

describe('the store', () => {
  it('refuses to read the document as an operation, naming it and the wrong field', async () => {
    const refused = await store.operations.get(bad.id).catch((err: unknown) => err);
    expect(refused).toBeInstanceOf(MalformedOperationError);
    expect(refused).toMatchObject({ id: 'op-bad' });
    expect((refused as Error).message).toMatch(/^stored operation op-bad is malformed: targets\.0\.step: .*"changing"/);
  });

  it('lists the others, and reports the malformed one among the unfinished', async () => {
    expect((await store.operations.list()).map((op) => op.id)).toEqual(['op-good']);
    const { operations, malformed } = await store.operations.listUnfinished();
    expect(operations.map((op) => op.id)).toEqual(['op-good']);
    expect(malformed.map((err) => err.id)).toEqual(['op-bad']);
  });

  it('refuses params that belong to another kind of operation', async () => {
    const other = operation({ id: 'op-mixed', kind: 'RESTART' });
    const doc = JSON.stringify({ ...other, _id: other.id, id: undefined, params: operation().params, createdAt: { $$date: other.createdAt.getTime() } });
    const dataDir = await mkdtemp(join(tmpdir(), 'fleetgraph-malformed-'));
    try {
      await writeFile(join(dataDir, 'operations.db'), `${doc}\n`);
      const mixed = await openEmbeddedStore({ dataDir });
      try {
        await expect(mixed.operations.get('op-mixed')).rejects.toThrow('stored operation op-mixed is malformed: params.kind: params are for another kind of operation');
      } finally {
        await mixed.close();
      }
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});

describe('a gateway starting on it', () => {
  it('resumes the others and logs the malformed one once as an error, not at every scan', async () => {
    const logged: { level: number; msg: string; operation?: string; problem?: string }[] = [];
    const logger = createLogger({ level: 'info', destination: { write: (line: string) => void logged.push(JSON.parse(line)) } });
    const scans = countScans(store.operations);
    const clock = manualRescans(15_000);
    const events = createOperationEvents();
    const goodDone = new Promise<void>((resolve) => events.subscribe((op) => op.id === toGlobalId('Operation', good.id) && op.status === 'SUCCEEDED' && resolve()));

    const runner = await startOperationRunner({ store: { operations: scans.store }, registry: createClusterRegistry({ sources: [] }), events, logger, sleep: clock.sleep, leaseMs: 30_000 });
    try {
      await goodDone;
      clock.rescan();
      await scans.reached(2);
      clock.rescan();
      await scans.reached(3);
    } finally {
      await runner.stop();
    }

    const errors = logged.filter((line) => line.level >= 50);
    expect(errors).toEqual([expect.objectContaining({ operation: 'op-bad', problem: expect.stringMatching(/^targets\.0\.step: /) })]);
    expect(errors[0]!.msg).toMatch(/^stored operation op-bad is malformed: .*; it is not resumed until it is fixed or removed$/);
    expect((await store.operations.get(good.id))?.status).toBe('SUCCEEDED');
    expect(logged.filter((line) => line.msg === 'resuming operation').map((line) => line.operation)).toEqual(['op-good']);
  });

  it('answers clients with the others; the malformed one is an internal error, its details kept from them', async () => {
    const gw = await startTestGateway({ store, clusters: 1 });
    try {
      const list = await gw.query<{ operations: { nodes: { id: string; status: string }[] } }>('{ operations { nodes { id status } } }');
      expect(list.errors).toBeUndefined();
      expect(list.data!.operations.nodes).toEqual([{ id: toGlobalId('Operation', good.id), status: 'SUCCEEDED' }]);

      const one = await gw.query('query ($id: ID!) { operation(id: $id) { id status } }', { id: toGlobalId('Operation', bad.id) });
      expect(one.errors?.map((e) => e.extensions?.code)).toEqual(['INTERNAL_SERVER_ERROR']);
      expect(JSON.stringify(one.errors)).not.toContain('half-way');
    } finally {
      await gw.stop();
    }
  });
});

/** The store's port, counting the runner's scans for unfinished operations. */
function countScans(operations: OperationStore) {
  let count = 0;
  const waiters: { n: number; resolve: () => void }[] = [];
  const wrapped: OperationStore = {
    ...operations,
    async listUnfinished() {
      const found = await operations.listUnfinished();
      count++;
      for (const w of waiters.filter((w) => count >= w.n)) w.resolve();
      return found;
    },
  };
  return {
    store: wrapped,
    reached: (n: number) => new Promise<void>((resolve) => (count >= n ? resolve() : waiters.push({ n, resolve }))),
  };
}

/**
 * A sleep where each of the runner's rescan waits (`rescanMs`) ends once the test calls
 * rescan() (before or after the wait began); every other wait lasts until the runner stops.
 */
function manualRescans(rescanMs: number) {
  const waiting: (() => void)[] = [];
  let credits = 0;
  return {
    sleep(ms: number, signal: AbortSignal): Promise<void> {
      return new Promise((resolve, reject) => {
        if (signal.aborted) return reject(new RunnerStopped('stopping'));
        signal.addEventListener('abort', () => reject(new RunnerStopped('stopping')), { once: true });
        if (ms !== rescanMs) return;
        if (credits > 0) {
          credits--;
          resolve();
        } else waiting.push(resolve);
      });
    },
    rescan() {
      const next = waiting.shift();
      if (next) next();
      else credits++;
    },
  };
}
