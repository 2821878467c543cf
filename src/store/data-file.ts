// Checks an nedb collection file before nedb loads it. nedb itself skips lines it cannot parse
// (up to its corruptAlertThreshold, 10% by default) and then rewrites the file without them,
// so a bad line would vanish silently; and over the threshold it fails with a bare message that
// names no file. Here every line is read first: a torn last line (what a crash mid-append
// leaves) is set aside and repaired, anything else stops the start, naming file and lines.
import { open, readFile, rename } from 'node:fs/promises';
import { dirname } from 'node:path';

/** The file's mode for whatever the store writes: readable by the gateway's user only. */
export const FILE_MODE = 0o600;

export interface DataFileScan {
  file: string;
  /** complete, readable lines, in order, without their '\n' */
  good: Buffer[];
  /** unreadable lines other than a torn tail, 1-based line numbers */
  bad: { line: number; bytes: Buffer }[];
  /** an unterminated, unreadable last line that looks like the start of a document; null when none */
  torn: { line: number; bytes: Buffer } | null;
  /** byte length of the file up to the end of its last '\n' */
  terminatedLength: number;
}

/** Reads every line of `file`; undefined when there is no such file. */
export async function scanDataFile(file: string): Promise<DataFileScan | undefined> {
  let content: Buffer;
  try {
    content = await readFile(file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
  const scan: DataFileScan = { file, good: [], bad: [], torn: null, terminatedLength: content.lastIndexOf(0x0a) + 1 };
  let start = 0;
  for (let line = 1; start < content.length; line++) {
    const end = content.indexOf(0x0a, start);
    const bytes = content.subarray(start, end < 0 ? content.length : end);
    start = end < 0 ? content.length : end + 1;
    if (bytes.length === 0) continue;
    if (isDocumentLine(bytes)) scan.good.push(bytes);
    else if (end < 0 && looksTorn(bytes)) scan.torn = { line, bytes };
    else scan.bad.push({ line, bytes });
  }
  return scan;
}

// What nedb reads as a record: a document with an _id, or an index definition or removal.
function isDocumentLine(bytes: Buffer): boolean {
  let value: unknown;
  try {
    value = JSON.parse(bytes.toString('utf8'));
  } catch {
    return false;
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const record = value as Record<string, unknown>;
  const index = record.$$indexCreated as { fieldName?: unknown } | undefined;
  return Boolean(record._id) || (typeof index === 'object' && index?.fieldName != null) || typeof record.$$indexRemoved === 'string';
}

// An append cut short leaves the beginning of a serialized document (nedb writes `{"`), or,
// on file systems that extend the size before the data lands, zero bytes.
function looksTorn(bytes: Buffer): boolean {
  return bytes.subarray(0, 2).toString('latin1') === '{"' || bytes.every((byte) => byte === 0);
}

/** Where set-aside lines of `file` go: next to it, never overwritten (one file per repair). */
export function asideFileName(file: string, now: Date = new Date()): string {
  return `${file}.bad-${now.toISOString().replace(/[:.]/g, '-')}`;
}

/** Writes `lines` (each followed by '\n') to a new file and flushes it; refuses to overwrite one. */
export async function writeAside(file: string, lines: readonly Buffer[]): Promise<void> {
  const handle = await open(file, 'wx', FILE_MODE);
  try {
    for (const line of lines) await handle.write(Buffer.concat([line, Buffer.from('\n')]));
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Cuts a torn last line off, after it was kept aside. */
export async function truncateTornTail(scan: DataFileScan): Promise<void> {
  const handle = await open(scan.file, 'r+');
  try {
    await handle.truncate(scan.terminatedLength);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Replaces the file with its good lines: written beside it, flushed, then renamed over it. */
export async function rewriteWithGoodLines(scan: DataFileScan): Promise<void> {
  const temporary = `${scan.file}.repairing`;
  const handle = await open(temporary, 'w', FILE_MODE);
  try {
    for (const line of scan.good) await handle.write(Buffer.concat([line, Buffer.from('\n')]));
    await handle.sync();
  } finally {
    await handle.close();
  }
  await rename(temporary, scan.file);
  await syncFolder(dirname(scan.file));
}

// A rename is durable once the folder holding it is flushed.
async function syncFolder(folder: string): Promise<void> {
  const handle = await open(folder, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
