// The built gateway (`node dist/src/server/main.js`) as a real process, for what only processes
// show: a second gateway on one DATA_DIR, `kill -9`, what an operator reads when a start fails.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { mkdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { buildDecision, markBuilt } from '../../scripts/build-state.mjs';
import { until } from '../support/wait.js';

const ROOT = new URL('../../', import.meta.url).pathname;
const MAIN = join(ROOT, 'dist/src/server/main.js');

/**
 * Builds dist/ as `npm run build` does (tsc, then the stamp `npm start` reads) when it is older
 * than its sources (scripts/build-state.mjs decides). Test files running at once build it once:
 * the first takes dist/.build-lock, the others wait for it to go.
 */
export async function ensureBuilt(): Promise<void> {
  if (!buildDecision(ROOT).build) return;
  const lock = join(ROOT, 'dist/.build-lock');
  await mkdir(join(ROOT, 'dist'), { recursive: true });
  const taken = await mkdir(lock).then(() => true, () => false);
  if (!taken) {
    // Another worker builds (a lock older than a build could take is left by a killed run).
    const stale = Date.now() - (await stat(lock).then((s) => s.mtimeMs, () => 0)) > BUILD_TIMEOUT_MS;
    if (!stale) await until(() => !existsSync(lock), 'the other test file to finish building dist/', BUILD_TIMEOUT_MS);
    await rm(lock, { recursive: true, force: true });
    return ensureBuilt();
  }
  try {
    await promisify(execFile)(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', join(ROOT, 'tsconfig.build.json')], { cwd: ROOT });
    markBuilt(ROOT);
  } finally {
    await rm(lock, { recursive: true, force: true });
  }
}

const BUILD_TIMEOUT_MS = 300_000;

export interface LogLine {
  level: number;
  msg: string;
  [field: string]: unknown;
}

export interface GatewayProcess {
  readonly pid: number;
  /** pino's lines so far, parsed */
  readonly logs: LogLine[];
  /** what it wrote to stderr so far */
  stderr(): string;
  /** resolves with the URL once it logs `fleetgraph serving <url>`; rejects if it exits first */
  serving(): Promise<string>;
  /** resolves with the exit code (null when killed by a signal) */
  readonly exited: Promise<number | null>;
  kill(signal: NodeJS.Signals): Promise<void>;
}

const running = new Set<ChildProcess>();

/** Starts the gateway on the embedded fleet (no KUBECONFIG), PORT=0, with `env` added. */
export function startGatewayProcess(env: Record<string, string>): GatewayProcess {
  const child = spawn(process.execPath, [MAIN], {
    cwd: ROOT,
    // Five times real time: a rollout still runs for seconds, long enough to kill the gateway in its middle.
    env: { PATH: process.env.PATH, PORT: '0', SIM_CLUSTERS: '1', SIM_SPEED: '5', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  const logs: LogLine[] = [];
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk: Buffer) => {
    stdout += chunk.toString('utf8');
    const complete = stdout.split('\n');
    stdout = complete.pop()!;
    for (const line of complete) if (line.startsWith('{')) logs.push(JSON.parse(line) as LogLine);
  });
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  let code: number | null | undefined;
  const exited = once(child, 'exit').then(([exitCode]) => {
    running.delete(child);
    code = exitCode as number | null;
    return code;
  });
  const servingLine = () => logs.find((line) => line.msg.startsWith('fleetgraph serving '));
  return {
    pid: child.pid!,
    logs,
    stderr: () => stderr,
    async serving() {
      await until(() => servingLine() !== undefined || code !== undefined, 'the gateway to serve or exit', 60_000);
      const line = servingLine();
      if (!line) throw new Error(`the gateway exited (${code}) before serving:\n${stderr}`);
      return line.msg.slice('fleetgraph serving '.length);
    },
    exited,
    async kill(signal) {
      if (code !== undefined) return;
      child.kill(signal);
      await exited;
    },
  };
}

/** Kills (SIGKILL) every gateway process still running. */
export async function killGatewayProcesses(): Promise<void> {
  await Promise.all([...running].map(async (child) => {
    child.kill('SIGKILL');
    await once(child, 'exit').catch(() => undefined);
  }));
}

export async function graphql<T = Record<string, unknown>>(url: string, query: string, variables?: Record<string, unknown>): Promise<{ data?: T; errors?: { message: string; extensions?: { code?: string } }[] }> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
  return (await response.json()) as { data?: T; errors?: { message: string; extensions?: { code?: string } }[] };
}

/**
 * A process that takes DATA_DIR's lock as the gateway does once the file `go` exists (so several
 * can be started together), says `held` or `refused <message>`, and keeps the lock until killed.
 */
export function startLockHolder(dataDir: string, go: string): { ready: Promise<void>; said: Promise<string>; kill(): Promise<void> } {
  const lockModule = join(ROOT, 'dist/src/store/data-dir-lock.js');
  const script = `import { existsSync, mkdirSync } from 'node:fs';
    import { lockDataDir } from ${JSON.stringify(lockModule)};
    mkdirSync(${JSON.stringify(dataDir)}, { recursive: true, mode: 0o700 });
    console.log('ready');
    while (!existsSync(${JSON.stringify(go)})) await new Promise((resolve) => setTimeout(resolve, 1));
    try { await lockDataDir(${JSON.stringify(dataDir)}); console.log('held'); setInterval(() => {}, 1000); }
    catch (err) { console.log('refused ' + err.message); process.exit(3); }`;
  const child = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
  running.add(child);
  child.once('exit', () => running.delete(child));
  const lines: string[] = [];
  let pending = '';
  child.stdout!.on('data', (chunk: Buffer) => {
    const parts = (pending + chunk.toString('utf8')).split('\n');
    pending = parts.pop()!;
    lines.push(...parts);
  });
  const line = async (index: number) => {
    await until(() => lines.length > index || child.exitCode !== null, 'the lock holder to answer', 30_000);
    return lines[index] ?? `exited ${child.exitCode}`;
  };
  return {
    ready: line(0).then(() => undefined),
    said: line(1),
    async kill() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGKILL');
      await once(child, 'exit');
    },
  };
}
