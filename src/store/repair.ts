// What `npm run store -- repair` does to a folder no gateway holds: every unreadable line of a
// collection file (torn or not) is moved into a new file beside it, kept, never deleted.
import { asideFileName, rewriteWithGoodLines, writeAside } from './data-file.js';
import { scanDataDir } from './data-dir.js';

export interface FileRepair {
  file: string;
  /** 1-based numbers of the lines moved aside */
  lines: number[];
  /** the new file holding them, byte for byte, one per line */
  keptIn: string;
}

/** Lines that cannot be read, per file; nothing is changed. */
export async function findBadLines(dataDir: string): Promise<{ file: string; lines: number[] }[]> {
  const scans = await scanDataDir(dataDir);
  return scans
    .map((scan) => ({ file: scan.file, lines: [...scan.bad, ...(scan.torn ? [scan.torn] : [])].map((bad) => bad.line) }))
    .filter(({ lines }) => lines.length > 0);
}

/** Moves every unreadable line aside (kept file first, then the collection file rewritten); [] when all read. */
export async function repairDataDir(dataDir: string, now: () => Date = () => new Date()): Promise<FileRepair[]> {
  const repairs: FileRepair[] = [];
  for (const scan of await scanDataDir(dataDir)) {
    const moved = [...scan.bad, ...(scan.torn ? [scan.torn] : [])];
    if (moved.length === 0) continue;
    const keptIn = asideFileName(scan.file, now());
    await writeAside(keptIn, moved.map((bad) => bad.bytes));
    await rewriteWithGoodLines(scan);
    repairs.push({ file: scan.file, lines: moved.map((bad) => bad.line), keptIn });
  }
  return repairs;
}
