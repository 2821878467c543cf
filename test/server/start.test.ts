// `npm start` as an operator runs it: it skips the build when dist/ is current, and SIGTERM
// to the npm process drains the gateway — readiness fails first, a request in flight finishes,
// a subscription is closed with 1001, the process tree exits with nothing left behind.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdir, mkdtemp, utimes, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import { buildDecision, markBuilt, STAMP } from '../../scripts/build-state.mjs';
import { ensureBuilt } from '../store/gateway-process.js';
import { eventually, until } from '../support/wait.js';

const ROOT = new URL('../../', import.meta.url).pathname.replace(/\/$/, '');

describe('the build decision', () => {
  let root: string;
  const at = (seconds: number) => new Date(1_700_000_000_000 + seconds * 1000);
  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'fleetgraph-build-'));
    await Promise.all(['src/server', 'dist'].map((dir) => mkdir(join(root, dir), { recursive: true })));
    await writeFile(join(root, 'src/server/main.ts'), '');
    await writeFile(join(root, 'tsconfig.json'), '{}');
    await utimes(join(root, 'src/server/main.ts'), at(0), at(0));
    await utimes(join(root, 'tsconfig.json'), at(0), at(0));
  });

  it('builds when nothing was built', () => {
    expect(buildDecision(root)).toEqual({ build: true, reason: `${STAMP} is missing` });
  });

  it('skips the build when every source is older than the last build', async () => {
    markBuilt(root);
    await utimes(join(root, STAMP), at(10), at(10));
    expect(buildDecision(root)).toEqual({ build: false });
  });

  it.each([['src/server/main.ts'], ['tsconfig.json']])('builds again once %s changes', async (file) => {
    markBuilt(root);
    await utimes(join(root, STAMP), at(10), at(10));
    await utimes(join(root, file), at(20), at(20));
    expect(buildDecision(root)).toEqual({ build: true, reason: `${file} changed since the last build` });
  });
});

describe('SIGTERM to `npm start`', () => {
  beforeAll(async () => {
    // Shared with test/store: tsc runs only when dist/ is older than the sources.
    await ensureBuilt();
  }, 120_000);

  it('drains the gateway in order and leaves no process behind', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'fleetgraph-start-'));
    const npm = spawn('npm', ['start', '--silent'], {
      cwd: ROOT,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, PORT: '0', DATA_DIR: dataDir, SIM_CLUSTERS: '1', SHUTDOWN_DELAY_MS: '400', SHUTDOWN_GRACE_MS: '5000' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const logs: { msg: string; pid: number }[] = [];
    let pending = '';
    let stderr = '';
    npm.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    npm.stdout!.on('data', (chunk: Buffer) => {
      const parts = (pending + chunk.toString()).split('\n');
      pending = parts.pop()!;
      for (const line of parts) if (line.startsWith('{')) logs.push(JSON.parse(line) as { msg: string; pid: number });
    });
    const exited = once(npm, 'exit');
    try {
      await until(() => logs.some((l) => l.msg.startsWith('fleetgraph serving ')), 'the gateway to serve', 30_000);
      expect(stderr).toBe(''); // no build: dist/ is current
      const serving = logs.find((l) => l.msg.startsWith('fleetgraph serving '))!;
      const url = serving.msg.slice('fleetgraph serving '.length);
      const origin = new URL(url).origin;

      const closed = subscribe(url);
      await closed.subscribed;
      // A host restart takes minutes of simulated time: it is running when the signal comes.
      const restart = await (await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: 'mutation { restartHosts(input: { cluster: "prod-eu", allHosts: true }) { id } }' }) })).json() as { data?: { restartHosts: { id: string } } };
      const operation = restart.data!.restartHosts.id;
      await until(() => logs.some((l) => l.msg === 'operation step' && (l as { operation?: string; status?: string }).operation === operation && (l as { status?: string }).status === 'RUNNING'), 'the operation to run', 10_000);
      const body = JSON.stringify({ query: '{ clusters { name status } }' });
      const inFlight = postInTwoHalves(url, body);
      await inFlight.firstHalfSent;

      npm.kill('SIGTERM');
      await eventually(async () => (await fetch(`${origin}/readyz`).catch(() => undefined))?.status, (status) => status === 503, 5000);
      inFlight.sendRest();
      expect(await inFlight.response).toEqual({ status: 200, body: { data: { clusters: [{ name: 'prod-eu', status: expect.stringMatching(/^(OK|DEGRADED|FAILED)$/) }] } } }); // hosts are restarting
      expect(await closed.code).toBe(1001);

      const [code] = await exited;
      expect(code).toBe(0);
      const messages = logs.map((l) => l.msg);
      expect(messages.indexOf('SIGTERM received, stopping')).toBeGreaterThan(-1);
      expect(messages.at(-1)).toBe('stopped');
      // Stopped at a step, not failed: it resumes when a gateway starts on this DATA_DIR again.
      const steps = logs.filter((l) => (l as { operation?: string }).operation === operation && l.msg === 'operation step').map((l) => (l as { status?: string }).status);
      expect(steps).toEqual(['PENDING', 'RUNNING']);
      expect(messages).not.toContain('operation stopped on an unexpected error; it resumes when the gateway starts again');
      expect(() => process.kill(serving.pid, 0)).toThrow(); // the gateway is gone too
    } finally {
      if (npm.exitCode === null) npm.kill('SIGKILL');
    }
  }, 60_000);
});

/** A graphql-ws subscription to resourceChanged; resolves the socket's close code. */
function subscribe(url: string): { subscribed: Promise<void>; code: Promise<number> } {
  const socket = new WebSocket(url.replace(/^http/, 'ws'), 'graphql-transport-ws');
  const code = once(socket, 'close').then(([c]) => c as number);
  const subscribed = new Promise<void>((resolve, reject) => {
    socket.on('error', reject);
    socket.on('open', () => socket.send(JSON.stringify({ type: 'connection_init' })));
    socket.on('message', (data: Buffer) => {
      const message = JSON.parse(data.toString()) as { type: string };
      if (message.type !== 'connection_ack') return;
      socket.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query: 'subscription { resourceChanged { name } }' } }));
      // The first subscriber starts the watch streams: the subscription is running once the gateway counts it.
      void eventually(async () => (await fetch(`${new URL(url).origin}/metrics`)).text(), (text) => /^fleetgraph_subscribers [1-9]/m.test(text), 5000).then(() => resolve(), reject);
    });
  });
  return { subscribed, code };
}

/** A POST whose body arrives in two parts, so it is in flight for as long as the test likes. */
function postInTwoHalves(url: string, body: string) {
  const half = Math.floor(body.length / 2);
  const req = request(url, { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } });
  const response = new Promise<{ status: number; body: unknown }>((resolve, reject) => {
    req.on('error', reject);
    req.on('response', (res) => {
      let text = '';
      res.on('data', (chunk: Buffer) => (text += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode!, body: JSON.parse(text) as unknown }));
    });
  });
  const firstHalfSent = new Promise<void>((resolve) => req.write(body.slice(0, half), () => resolve()));
  return { response, firstHalfSent, sendRest: () => req.end(body.slice(half)) };
}
