// Drives the real kubectl binary against a simulated cluster: one-shot commands, long-running
// ones (`get --watch`) that are always stopped, and a bounded poll for states to arrive.
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';

export interface KubectlResult {
  stdout: string;
  stderr: string;
  /** the exit code; null when kubectl was killed (timed out) */
  code: number | null;
}

export interface RunningKubectl {
  /** everything written to stdout so far */
  output(): string;
  /** kills the process and waits for it to exit; safe to call twice */
  stop(): Promise<void>;
}

export interface KubectlOptions {
  kubeconfig: string;
  context: string;
  /** kubectl's discovery cache; keep it per test run so ports reused by another simulator never see stale discovery */
  cacheDir: string;
  /** default `kubectl` from PATH */
  bin?: string;
  /** a one-shot command is killed after this long; default 20 000 ms */
  timeoutMs?: number;
}

export interface RunOptions {
  /** written to kubectl's stdin (`create -f -`); default nothing */
  input?: string;
}

export interface Kubectl {
  /** runs to completion; a non-zero exit is a result, not an error */
  run(args: readonly string[], opts?: RunOptions): Promise<KubectlResult>;
  /** runs and returns stdout, throwing with kubectl's stderr when it exits non-zero */
  ok(args: readonly string[], opts?: RunOptions): Promise<string>;
  /** `kubectl … -o json`, parsed */
  json<T = KubeJson>(args: readonly string[]): Promise<T>;
  /** starts a long-running command, e.g. `get --watch` */
  start(args: readonly string[]): RunningKubectl;
  /** stops whatever `start` began and is still running */
  stopAll(): Promise<void>;
}

/** a Kubernetes object or list as kubectl prints it with -o json */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type KubeJson = Record<string, any>;

export function kubectlFor({ kubeconfig, context, cacheDir, bin = 'kubectl', timeoutMs = 20_000 }: KubectlOptions): Kubectl {
  const base = ['--kubeconfig', kubeconfig, '--context', context, '--cache-dir', cacheDir];
  const running = new Set<RunningKubectl>();
  const run = (args: readonly string[], opts: RunOptions = {}) => execKubectl(bin, [...base, ...args], timeoutMs, opts.input);
  const ok = async (args: readonly string[], opts: RunOptions = {}) => {
    const r = await run(args, opts);
    if (r.code !== 0) throw new Error(`kubectl ${args.join(' ')} exited ${r.code}: ${r.stderr.trim()}`);
    return r.stdout;
  };
  return {
    run,
    ok,
    json: async <T>(args: readonly string[]) => JSON.parse(await ok([...args, '-o', 'json'])) as T,
    start(args) {
      const child = spawn(bin, [...base, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
      const proc = watched(child, () => running.delete(proc));
      running.add(proc);
      return proc;
    },
    stopAll: () => Promise.all([...running].map((p) => p.stop())).then(() => undefined),
  };
}

function execKubectl(bin: string, args: string[], timeout: number, input = ''): Promise<KubectlResult> {
  return new Promise((resolve, reject) => {
    const child = execFile(bin, args, { timeout, killSignal: 'SIGKILL', maxBuffer: 32 * 1024 * 1024 }, (err, stdout, stderr) => {
      if (err && typeof err.code !== 'number' && !err.killed) reject(err);
      else resolve({ stdout, stderr, code: err ? (typeof err.code === 'number' ? err.code : null) : 0 });
    });
    child.stdin?.end(input);
  });
}

function watched(child: ChildProcess, onExit: () => void): RunningKubectl {
  let out = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
  child.stderr?.resume();
  // A kubectl that could not start reports 'error' and may never 'close'.
  const exited = new Promise<void>((resolve) => {
    child.once('close', () => resolve());
    child.once('error', () => resolve());
  });
  void exited.then(onExit);
  return {
    output: () => out,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
  };
}

/**
 * Splits what `kubectl get -o json --watch` writes, one pretty-printed object after
 * another, into the objects; a trailing incomplete one is left out.
 */
export function jsonStream(text: string): KubeJson[] {
  const docs: KubeJson[] = [];
  let start = 0;
  for (const m of text.matchAll(/^}\n/gm)) {
    const end = m.index + 1;
    docs.push(JSON.parse(text.slice(start, end)) as KubeJson);
    start = end + 1;
  }
  return docs;
}

/** A table as kubectl prints it: cells cut at the header's column starts, so empty cells survive. */
export function parseTable(text: string): { headers: string[]; rows: Record<string, string>[] } {
  const [header = '', ...lines] = text.split('\n').filter((l) => l.trim() !== '');
  const headers = header.trim().split(/\s{2,}/);
  let from = 0;
  const starts = headers.map((h) => {
    const at = header.indexOf(h, from);
    from = at + h.length;
    return at;
  });
  const cellsOf = (line: string) => starts.map((s, i) => line.slice(s, starts[i + 1] ?? line.length).trim());
  const rows = lines.map((line) => Object.fromEntries(cellsOf(line).map((cell, i) => [headers[i]!, cell])));
  return { headers, rows };
}

export interface WaitOptions {
  /** default 15 000 ms */
  timeoutMs?: number;
  /** default 100 ms */
  intervalMs?: number;
  /** named in the timeout error */
  what?: string;
}

/**
 * Polls `probe` until it returns something other than undefined or false, and returns it.
 * Throws after `timeoutMs`, naming what was awaited.
 */
export async function waitFor<T>(probe: () => Promise<T | undefined | false> | T | undefined | false, opts: WaitOptions = {}): Promise<T> {
  const { timeoutMs = 15_000, intervalMs = 100, what = 'a condition' } = opts;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(intervalMs);
  }
}
