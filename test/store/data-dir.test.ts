// The embedded store's folder: one process at a time (a pid lock that a crash does not leave
// stuck), and nothing in it readable by other users.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { chmod, mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLogger } from '../../src/logging/index.js';
import { DataDirLockedError, LOCK_FILE, openEmbeddedStore, StoreCorruptError } from '../../src/store/index.js';
import { cluster } from './store.suite.js';

let dataDir: string;
beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'fleetgraph-dir-'));
});
afterEach(() => rm(dataDir, { recursive: true, force: true }));

const lockFile = () => join(dataDir, LOCK_FILE);
const mode = async (path: string) => (await stat(path)).mode & 0o777;

/** A node process that runs until killed; its pid is live meanwhile. */
async function liveProcess() {
  const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
  await once(child, 'spawn');
  return { pid: child.pid!, stop: async () => {
    child.kill('SIGKILL');
    await once(child, 'exit');
  } };
}

describe('the DATA_DIR lock', () => {
  it('holds the pid while the store is open, refuses a second opener naming folder and holder, and goes on close', async () => {
    const store = await openEmbeddedStore({ dataDir });
    expect(await readFile(lockFile(), 'utf8')).toBe(`${process.pid}\n`);
    const second = openEmbeddedStore({ dataDir });
    await expect(second).rejects.toBeInstanceOf(DataDirLockedError);
    await expect(second).rejects.toThrow(`DATA_DIR ${dataDir} is in use by another fleetgraph process (pid ${process.pid})`);
    await store.close();
    expect(await readdir(dataDir)).not.toContain(LOCK_FILE);
    await (await openEmbeddedStore({ dataDir })).close();
  });

  it('refuses while another live process holds it, and takes it over once that process is killed', async () => {
    const holder = await liveProcess();
    await writeFile(lockFile(), `${holder.pid}\n`);
    try {
      await expect(openEmbeddedStore({ dataDir })).rejects.toThrow(`(pid ${holder.pid})`);
    } finally {
      await holder.stop();
    }
    const store = await openEmbeddedStore({ dataDir });
    expect(await readFile(lockFile(), 'utf8')).toBe(`${process.pid}\n`);
    await store.close();
  });

  it.each([
    ['holds no pid', 'garbage'],
    ['is empty', ''],
  ])('is taken over when the lock file %s', async (_, content) => {
    await writeFile(lockFile(), content);
    const store = await openEmbeddedStore({ dataDir });
    expect(await readFile(lockFile(), 'utf8')).toBe(`${process.pid}\n`);
    await store.close();
  });

  it('is given back when the open fails', async () => {
    await writeFile(join(dataDir, 'audit.db'), 'not a record\n{"_id":"a"}\n');
    await expect(openEmbeddedStore({ dataDir })).rejects.toBeInstanceOf(StoreCorruptError);
    expect(await readdir(dataDir)).not.toContain(LOCK_FILE);
  });

  it('lets only one of many openers at once in, every time', async () => {
    for (let round = 0; round < 20; round++) {
      const opened = await Promise.allSettled([1, 2, 3, 4].map(() => openEmbeddedStore({ dataDir })));
      const stores = opened.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
      expect(stores).toHaveLength(1);
      expect(opened.filter((result) => result.status === 'rejected').map((result) => (result as PromiseRejectedResult).reason)).toEqual(
        Array(3).fill(expect.any(DataDirLockedError)),
      );
      await stores[0]!.close();
    }
  });
});

describe('file modes', () => {
  it('creates the folder 0700 and every file in it 0600', async () => {
    const folder = join(dataDir, 'new', 'data');
    const store = await openEmbeddedStore({ dataDir: folder, secretKey: Buffer.alloc(32, 7) });
    await store.clusters.insert(cluster('prod'));
    expect(await mode(folder)).toBe(0o700);
    const files = await readdir(folder);
    expect(files).toEqual(expect.arrayContaining(['clusters.db', 'operations.db', 'audit.db', LOCK_FILE]));
    for (const file of files) expect([file, await mode(join(folder, file))]).toEqual([file, 0o600]);
    await store.close();
    for (const file of await readdir(folder)) expect([file, await mode(join(folder, file))]).toEqual([file, 0o600]);
  });

  it('takes group and other access away from an existing folder and the store\'s files in it, with a warning', async () => {
    await mkdir(join(dataDir, 'old'));
    const folder = join(dataDir, 'old');
    await writeFile(join(folder, 'clusters.db'), '');
    await writeFile(join(folder, 'notes.txt'), 'not the store\'s');
    await chmod(folder, 0o755);
    await chmod(join(folder, 'clusters.db'), 0o644);
    await chmod(join(folder, 'notes.txt'), 0o644);
    const warnings: string[] = [];
    const logger = createLogger({ level: 'warn', destination: { write: (line: string) => void warnings.push((JSON.parse(line) as { msg: string }).msg) } });
    await (await openEmbeddedStore({ dataDir: folder, logger })).close();
    expect(await mode(folder)).toBe(0o700);
    expect(await mode(join(folder, 'clusters.db'))).toBe(0o600);
    expect(await mode(join(folder, 'notes.txt'))).toBe(0o644);
    expect(warnings).toEqual(['DATA_DIR was readable by other users: its folder is now 0700 and its files 0600']);
  });
});
