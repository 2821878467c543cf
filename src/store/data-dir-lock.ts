// One process per embedded store: a lock file in DATA_DIR holding the holder's pid, created
// exclusively. A lock whose pid is no longer running (the holder crashed or was killed) is
// taken over, so a crash never leaves the folder stuck.
import { randomUUID } from 'node:crypto';
import { link, open, readFile, unlink } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { FILE_MODE } from './data-file.js';
import { DataDirLockedError } from './errors.js';

export const LOCK_FILE = 'fleetgraph.lock';

export interface DataDirLock {
  readonly file: string;
  /** Removes the lock file if it is still ours. */
  release(): Promise<void>;
}

export interface LockOptions {
  /** Default process.pid */
  pid?: number;
  /** Whether a pid names a running process. Default: signal 0 answers (EPERM counts as running). */
  isRunning?: (pid: number) => boolean;
}

// Folders locked by this process: a pid equal to our own is ours only if listed here; otherwise
// it is a previous life's (a container restarted with the same pid) and stale.
const heldHere = new Set<string>();

/** @throws DataDirLockedError naming the folder and the live holder's pid. */
export async function lockDataDir(dataDir: string, { pid = process.pid, isRunning = processIsRunning }: LockOptions = {}): Promise<DataDirLock> {
  const folder = resolve(dataDir);
  const file = join(folder, LOCK_FILE);
  for (let attempt = 0; ; attempt++) {
    if (await createLock(file, pid)) break;
    const holder = await readHolder(file);
    if (holder === undefined) continue; // released meanwhile
    const live = holder === pid ? heldHere.has(folder) : holder !== null && isRunning(holder);
    if (live || attempt >= 50) throw new DataDirLockedError(folder, holder ?? 0);
    await takeOverStale(file, holder, pid, isRunning);
  }
  heldHere.add(folder);
  return {
    file,
    async release() {
      heldHere.delete(folder);
      if ((await readHolder(file)) === pid) await unlink(file).catch(() => undefined);
    },
  };
}

// The pid is written to a file of our own first, then linked in place: link fails if the lock
// exists, and a lock that exists is always complete (never an empty file mistaken for stale).
async function createLock(file: string, pid: number): Promise<boolean> {
  const own = `${file}.${pid}.${randomUUID()}`;
  const handle = await open(own, 'wx', FILE_MODE);
  try {
    await handle.writeFile(`${pid}\n`);
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await link(own, file);
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw err;
  } finally {
    await unlink(own);
  }
}

/** The pid in the lock; null when it holds something else (damaged); undefined when there is no lock. */
async function readHolder(file: string): Promise<number | null | undefined> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
  return /^\d+\n?$/.test(text) ? Number(text.trim()) : null;
}

// One process at a time removes a stale lock: it holds `<lock>.takeover` (made like the lock),
// checks the lock still names the dead pid, and removes it; then everyone races to create the
// lock again, which only one wins. A takeover file left by a dead process is removed.
async function takeOverStale(file: string, stale: number | null, pid: number, isRunning: (pid: number) => boolean): Promise<void> {
  const mutex = `${file}.takeover`;
  if (!(await createLock(mutex, pid))) {
    const holder = await readHolder(mutex);
    if (holder === null || (holder !== undefined && holder !== pid && !isRunning(holder))) await unlink(mutex).catch(() => undefined);
    await new Promise((resolve) => setTimeout(resolve, 5));
    return;
  }
  try {
    if ((await readHolder(file)) === stale) await unlink(file).catch(() => undefined);
  } finally {
    await unlink(mutex).catch(() => undefined);
  }
}

function processIsRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
