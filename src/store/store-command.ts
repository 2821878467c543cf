// `npm run store -- check|repair`: what an operator runs when the gateway refuses to start on
// bad lines in its embedded store. It takes the folder's lock, so it never edits files under
// a running gateway.
import { ConfigError, loadConfig } from '../config/index.js';
import { lockDataDir } from './data-dir-lock.js';
import { DataDirLockedError } from './errors.js';
import { findBadLines, repairDataDir } from './repair.js';

/** Exit codes, as the README documents them. */
export const EXIT = { ok: 0, badLinesFound: 1, usage: 2, locked: 3 } as const;

export const USAGE = `usage: npm run store -- <check|repair> [--data-dir DIR]
  check    list the unreadable lines of DATA_DIR's store files; changes nothing
  repair   move every unreadable line into a new kept file beside its store file (<file>.bad-<time>)
DIR defaults to DATA_DIR (./.fleetgraph). Exit codes: 0 done (check: nothing bad), 1 check found bad lines,
2 usage or configuration error or the folder cannot be read or written, 3 a running gateway holds DATA_DIR.`;

export interface StoreCommandIo {
  env: NodeJS.ProcessEnv;
  out: (line: string) => void;
  err: (line: string) => void;
}

/** Runs the command; resolves to the process's exit code. */
export async function runStoreCommand(args: readonly string[], { env, out, err }: StoreCommandIo): Promise<number> {
  const parsed = parseArgs(args);
  if (!parsed) {
    err(USAGE);
    return EXIT.usage;
  }
  try {
    const dataDir = parsed.dataDir ?? loadConfig(env).dataDir;
    const lock = await lockDataDir(dataDir);
    try {
      return parsed.command === 'check' ? await check(dataDir, out) : await repair(dataDir, out);
    } finally {
      await lock.release();
    }
  } catch (error) {
    if (error instanceof DataDirLockedError) {
      err(`${error.message} Stop the gateway before repairing its store.`);
      return EXIT.locked;
    }
    err(error instanceof ConfigError ? error.message : `cannot ${parsed.command} the store: ${(error as Error).message}`);
    return EXIT.usage;
  }
}

function parseArgs(args: readonly string[]): { command: 'check' | 'repair'; dataDir?: string } | undefined {
  const [command, ...rest] = args;
  if (command !== 'check' && command !== 'repair') return undefined;
  if (rest.length === 0) return { command };
  if (rest.length === 2 && rest[0] === '--data-dir' && rest[1]) return { command, dataDir: rest[1] };
  return undefined;
}

async function check(dataDir: string, out: (line: string) => void): Promise<number> {
  const found = await findBadLines(dataDir);
  for (const { file, lines } of found) out(`${file}: ${lines.length} bad line(s): ${lines.join(', ')}`);
  if (found.length === 0) out(`${dataDir}: every line of every store file reads`);
  return found.length === 0 ? EXIT.ok : EXIT.badLinesFound;
}

async function repair(dataDir: string, out: (line: string) => void): Promise<number> {
  const repairs = await repairDataDir(dataDir);
  for (const { file, lines, keptIn } of repairs) out(`${file}: moved ${lines.length} line(s) (${lines.join(', ')}) into ${keptIn}`);
  if (repairs.length === 0) out(`${dataDir}: nothing to repair`);
  return EXIT.ok;
}
