// What a crash or a damaged disk leaves in the embedded store's files, and what the start and
// `npm run store -- check|repair` make of it: a torn last line is repaired with a warning, any
// other bad line stops the start naming file and lines, and nothing is ever dropped unseen.
import { cp, mkdtemp, readdir, readFile, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLogger } from '../../src/logging/index.js';
import { openEmbeddedStore, StoreCorruptError, type GatewayStore } from '../../src/store/index.js';
import { EXIT, runStoreCommand } from '../../src/store/store-command.js';
import { cluster, operation } from './store.suite.js';

let root: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'fleetgraph-corrupt-'));
});
afterEach(() => rm(root, { recursive: true, force: true }));

const first = operation({ id: 'op-first' });
const last = operation({ id: 'op-last' });
const auditEntry = (action: string) => ({ at: new Date(), principal: 'alice', action, args: {}, outcome: 'SUCCEEDED' as const, error: null, operationId: null, finishedAt: new Date() });

/** A folder as a crash leaves it: compacted records, then records appended since, the store never closed. */
async function crashedDataDir(): Promise<string> {
  const live = join(root, 'live');
  let store = await openEmbeddedStore({ dataDir: live });
  await store.clusters.insert(cluster('prod'));
  await store.operations.create(first);
  for (const action of ['a', 'b', 'c']) await store.audit.append(auditEntry(action));
  await store.close();
  store = await openEmbeddedStore({ dataDir: live });
  await store.clusters.insert(cluster('staging'));
  await store.operations.create(last);
  for (const action of ['d', 'e']) await store.audit.append(auditEntry(action));
  const crashed = join(root, 'crashed');
  await cp(live, crashed, { recursive: true });
  await store.close();
  return crashed;
}

function recordingLogger() {
  const lines: { level: number; msg: string; file?: string; keptIn?: string }[] = [];
  return { lines, logger: createLogger({ level: 'warn', destination: { write: (line: string) => void lines.push(JSON.parse(line)) } }) };
}

async function lines(file: string): Promise<string[]> {
  return (await readFile(file, 'utf8')).split('\n').filter((line) => line !== '');
}

async function keptFiles(dataDir: string): Promise<string[]> {
  return (await readdir(dataDir)).filter((name) => name.includes('.db.bad-')).sort();
}

async function withStore<T>(dataDir: string, use: (store: GatewayStore) => Promise<T>): Promise<T> {
  const store = await openEmbeddedStore({ dataDir });
  try {
    return await use(store);
  } finally {
    await store.close();
  }
}

const run = (args: string[]) => {
  const out: string[] = [];
  const err: string[] = [];
  return runStoreCommand(args, { env: {}, out: (line) => out.push(line), err: (line) => err.push(line) }).then((code) => ({ code, out, err }));
};

describe('a torn last line (a crash mid-append)', () => {
  it('is cut off at start with a warning naming the file, the partial line kept aside', async () => {
    const dataDir = await crashedDataDir();
    const file = join(dataDir, 'operations.db');
    const before = await readFile(file);
    await truncate(file, before.length - 40);
    const { lines: logged, logger } = recordingLogger();

    const store = await openEmbeddedStore({ dataDir, logger });
    try {
      expect(await store.operations.get(first.id)).toEqual(first);
      expect(await store.operations.get(last.id)).toBeUndefined();
      expect(await store.clusters.list()).toHaveLength(2);
      expect(await store.audit.list()).toHaveLength(5);
    } finally {
      await store.close();
    }
    const [kept, ...more] = await keptFiles(dataDir);
    expect(more).toEqual([]);
    expect(kept).toMatch(/^operations\.db\.bad-/);
    const tornLine = before.subarray(before.lastIndexOf(0x0a, before.length - 2) + 1, before.length - 40);
    expect(await readFile(join(dataDir, kept!))).toEqual(Buffer.concat([tornLine, Buffer.from('\n')]));
    expect(logged).toEqual([expect.objectContaining({ level: 40, file, keptIn: join(dataDir, kept!), msg: expect.stringContaining('last line was cut short') })]);
  });

  it.each([
    ['zero bytes (a file system that grew the file before the data landed)', (content: Buffer) => Buffer.concat([content, Buffer.alloc(4096)])],
    ['a cut index line', (content: Buffer) => Buffer.concat([content, Buffer.from('{"$$indexCreated":{"fieldName":"sta')])],
  ])('of %s is repaired too', async (_, damage) => {
    const dataDir = await crashedDataDir();
    const file = join(dataDir, 'operations.db');
    const intact = await readFile(file);
    await writeFile(file, damage(intact));
    await withStore(dataDir, async (store) => expect(await store.operations.list()).toHaveLength(2));
    expect(await keptFiles(dataDir)).toHaveLength(1);
  });

  it('is no tear when only its line end is missing: the record is kept', async () => {
    const dataDir = await crashedDataDir();
    const file = join(dataDir, 'operations.db');
    const intact = await readFile(file);
    await writeFile(file, intact.subarray(0, intact.length - 1));
    await withStore(dataDir, async (store) => expect(await store.operations.get(last.id)).toEqual(last));
    expect(await keptFiles(dataDir)).toEqual([]);
  });

  it('leaves nothing to warn about on the next start', async () => {
    const dataDir = await crashedDataDir();
    await truncate(join(dataDir, 'audit.db'), (await readFile(join(dataDir, 'audit.db'))).length - 40);
    await withStore(dataDir, async () => undefined);
    const { lines: logged, logger } = recordingLogger();
    await (await openEmbeddedStore({ dataDir, logger })).close();
    expect(logged).toEqual([]);
    expect(await keptFiles(dataDir)).toHaveLength(1);
  });
});

// Each damage: which file, what it does to the file's lines, the bad line numbers it leaves,
// and the audit entries left once they are moved aside (the other records all stay).
const damages: [string, string, (lines: string[]) => string, number[], number][] = [
  ['a bad line in the middle of audit.db', 'audit.db', (l) => [...l.slice(0, 2), '{"_id":"x","action":"lost', ...l.slice(2)].join('\n') + '\n', [3], 5],
  ['a torn line followed by others', 'operations.db', (l) => [l[0]!.slice(0, 30), ...l].join('\n') + '\n', [1], 5],
  ['JSON that is no record', 'clusters.db', (l) => [l[0], '[1,2]', '42', '{"name":"no-id"}', ...l.slice(1)].join('\n') + '\n', [2, 3, 4], 5],
  ['garbage for audit.db', 'audit.db', () => 'x\u0000\u00ff garbage\n'.repeat(3) + 'more garbage', [1, 2, 3, 4], 0],
];

describe.each(damages)('%s', (_, name, damage, badLines, auditLeft) => {
  let dataDir: string;
  let file: string;
  beforeEach(async () => {
    dataDir = await crashedDataDir();
    file = join(dataDir, name);
    await writeFile(file, damage(await lines(file)));
  });

  it('stops the start naming the file and its bad lines, changing nothing', async () => {
    const before = await readFile(file);
    const opening = openEmbeddedStore({ dataDir });
    await expect(opening).rejects.toBeInstanceOf(StoreCorruptError);
    await expect(opening).rejects.toThrow(`The store file ${file} has ${badLines.length} bad line${badLines.length > 1 ? 's' : ''} (line${badLines.length > 1 ? 's' : ''} ${badLines.join(', ')})`);
    await expect(opening).rejects.toThrow('npm run store -- repair');
    expect(await readFile(file)).toEqual(before);
    expect(await keptFiles(dataDir)).toEqual([]);
  });

  it('`check` lists them (exit 1); `repair` moves them into a kept file (exit 0); the store then opens with every good record', async () => {
    const damaged = await lines(file);
    expect(await run(['check', '--data-dir', dataDir])).toEqual({ code: EXIT.badLinesFound, out: [`${file}: ${badLines.length} bad line(s): ${badLines.join(', ')}`], err: [] });
    const repaired = await run(['repair', '--data-dir', dataDir]);
    expect(repaired.code).toBe(EXIT.ok);
    const [kept] = await keptFiles(dataDir);
    expect(repaired.out).toEqual([`${file}: moved ${badLines.length} line(s) (${badLines.join(', ')}) into ${join(dataDir, kept!)}`]);
    expect(await lines(join(dataDir, kept!))).toEqual(badLines.map((line) => damaged[line - 1]));
    expect(await lines(file)).toEqual(damaged.filter((__, index) => !badLines.includes(index + 1)));
    expect(await run(['check', '--data-dir', dataDir])).toMatchObject({ code: EXIT.ok });
    await withStore(dataDir, async (store) => {
      expect(await store.operations.get(last.id)).toEqual(last);
      expect((await store.clusters.list()).map((c) => c.name)).toEqual(['prod', 'staging']);
      expect(await store.audit.list()).toHaveLength(auditLeft);
    });
  });
});

describe('bad lines in several files', () => {
  it('are all named at start, and all moved aside by one repair', async () => {
    const dataDir = await crashedDataDir();
    for (const name of ['clusters.db', 'operations.db']) await writeFile(join(dataDir, name), `${(await lines(join(dataDir, name))).join('\n')}\n}{\n`);
    await expect(openEmbeddedStore({ dataDir })).rejects.toThrow(
      new RegExp(`clusters\\.db has 1 bad line \\(line \\d+\\).*; The store file .*operations\\.db has 1 bad line`),
    );
    expect((await run(['repair', '--data-dir', dataDir])).out).toHaveLength(2);
    expect(await keptFiles(dataDir)).toEqual([expect.stringMatching(/^clusters\.db\.bad-/), expect.stringMatching(/^operations\.db\.bad-/)]);
    await withStore(dataDir, async (store) => expect(await store.operations.list()).toHaveLength(2));
  });
});

describe('npm run store', () => {
  it('refuses to touch a folder a running store holds (exit 3), naming it and the holder', async () => {
    const dataDir = await crashedDataDir();
    await withStore(dataDir, async () => {
      const { code, err } = await run(['repair', '--data-dir', dataDir]);
      expect(code).toBe(EXIT.locked);
      expect(err.join('\n')).toContain(`DATA_DIR ${dataDir} is in use by another fleetgraph process (pid ${process.pid})`);
    });
  });

  it.each([[[]], [['fix']], [['repair', '--data-dir']], [['check', 'extra']]])('answers %j with its usage (exit 2)', async (args) => {
    const { code, err } = await run(args);
    expect(code).toBe(EXIT.usage);
    expect(err.join('\n')).toContain('usage: npm run store -- <check|repair>');
  });

  it('takes DATA_DIR from the environment, and says when there is nothing to repair', async () => {
    const dataDir = await crashedDataDir();
    const out: string[] = [];
    const code = await runStoreCommand(['repair'], { env: { DATA_DIR: dataDir }, out: (line) => out.push(line), err: () => undefined });
    expect({ code, out }).toEqual({ code: EXIT.ok, out: [`${dataDir}: nothing to repair`] });
  });
});
