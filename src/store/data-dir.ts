// The embedded store's folder: made private (0700, files 0600) and its collection files
// checked before nedb opens them. See data-file.ts for what counts as torn or bad.
import { chmod, mkdir, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Logger } from '../logging/index.js';
import { asideFileName, FILE_MODE, scanDataFile, truncateTornTail, writeAside, type DataFileScan } from './data-file.js';
import { StoreCorruptError } from './errors.js';

/** The folder's mode: only the gateway's user may list or open what it keeps. */
export const DIR_MODE = 0o700;

// The files the store makes (collections, nedb's temporary copies, set-aside lines, the lock):
// only these are tightened, whatever else DATA_DIR may hold.
const STORE_FILE = /\.db(~|\.bad-.+|\.repairing)?$|^fleetgraph\.lock/;

/** Creates the folder (0700) if missing and takes group and other access away from it and the store's files. */
export async function makePrivateDataDir(dataDir: string, logger?: Logger): Promise<void> {
  await mkdir(dataDir, { recursive: true, mode: DIR_MODE });
  const loosened = [];
  if (await restrict(dataDir, DIR_MODE)) loosened.push(dataDir);
  for (const entry of await readdir(dataDir, { withFileTypes: true })) {
    if (entry.isFile() && STORE_FILE.test(entry.name) && (await restrict(join(dataDir, entry.name), FILE_MODE))) loosened.push(entry.name);
  }
  if (loosened.length > 0) logger?.warn({ dataDir, changed: loosened }, 'DATA_DIR was readable by other users: its folder is now 0700 and its files 0600');
}

async function restrict(path: string, mode: number): Promise<boolean> {
  try {
    if (((await stat(path)).mode & 0o077) === 0) return false;
    await chmod(path, mode);
    return true;
  } catch (err) {
    // Another opener's temporary lock file, gone since the folder was listed.
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw err;
  }
}

/** Every collection file of the folder (`*.db`), whichever collections exist. */
export async function scanDataDir(dataDir: string): Promise<DataFileScan[]> {
  const names = (await readdir(dataDir)).filter((name) => name.endsWith('.db')).sort();
  const scans = await Promise.all(names.map((name) => scanDataFile(join(dataDir, name))));
  return scans.filter((scan): scan is DataFileScan => scan !== undefined);
}

/**
 * Before the store opens: torn last lines are kept aside and cut off, with a warning; any
 * other bad line stops the open, changing nothing.
 * @throws StoreCorruptError naming each file with bad lines and their numbers.
 */
export async function checkDataDir(dataDir: string, logger?: Logger): Promise<void> {
  const scans = await scanDataDir(dataDir);
  const corrupt = scans.filter((scan) => scan.bad.length > 0);
  if (corrupt.length > 0) throw new StoreCorruptError(corrupt.map(({ file, bad }) => ({ file, badLines: bad.map((b) => b.line) })));
  for (const scan of scans) {
    if (!scan.torn) continue;
    const aside = asideFileName(scan.file);
    await writeAside(aside, [scan.torn.bytes]);
    await truncateTornTail(scan);
    logger?.warn(
      { file: scan.file, line: scan.torn.line, bytes: scan.torn.bytes.length, keptIn: aside },
      `store file ${scan.file}: its last line was cut short (a crash while writing); repaired, the partial line kept in ${aside}`,
    );
  }
}
