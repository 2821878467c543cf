// The built gateway as real processes on one DATA_DIR: one at a time, `kill -9` leaves nothing
// stuck and the next one resumes the operations; a store that cannot open stops the start with
// a message for the operator, not a stack.
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { eventually } from '../support/wait.js';
import { jest } from '@jest/globals';
import { ensureBuilt, graphql, killGatewayProcesses, startGatewayProcess, startLockHolder } from './gateway-process.js';

jest.setTimeout(120_000);

let dataDir: string;
beforeAll(() => ensureBuilt(), 300_000);
beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'fleetgraph-process-'));
});
afterEach(async () => {
  await killGatewayProcesses();
  await rm(dataDir, { recursive: true, force: true });
});

const STACK_LINE = /^\s+at /m;

/** The last record of each operation in operations.db, as the file holds them. */
async function storedOperations(): Promise<{ status: string }[]> {
  const byId = new Map<string, { status: string }>();
  for (const line of (await readFile(join(dataDir, 'operations.db'), 'utf8')).split('\n')) {
    const record = line.startsWith('{"_id"') ? (JSON.parse(line) as { _id: string; status: string }) : undefined;
    if (record) byId.set(record._id, record);
  }
  return [...byId.values()];
}

describe('one gateway per DATA_DIR', () => {
  it('a second gateway exits non-zero naming the folder and the holder; after kill -9 of the first, a new one resumes its operation', async () => {
    // A short lease: the gateway that resumes waits for the killed one's lease to run out.
    const first = startGatewayProcess({ DATA_DIR: dataDir, OPERATION_LEASE_SECONDS: '3' });
    const url = await first.serving();
    const second = startGatewayProcess({ DATA_DIR: dataDir });
    expect(await second.exited).toBe(1);
    expect(second.stderr()).toContain(`DATA_DIR ${dataDir} is in use by another fleetgraph process (pid ${first.pid})`);
    expect(second.stderr()).not.toMatch(STACK_LINE);

    const started = await graphql<{ rolloutImage: { id: string } }>(url, 'mutation { rolloutImage(input: { image: "acme/web:2.5.0" }) { id } }');
    expect(started.errors).toBeUndefined();
    await first.kill('SIGKILL');
    expect((await storedOperations()).map((op) => op.status)).toEqual([expect.stringMatching(/^(PENDING|RUNNING)$/)]);

    const third = startGatewayProcess({ DATA_DIR: dataDir, OPERATION_LEASE_SECONDS: '3' });
    const resumedUrl = await third.serving();
    const query = `{ operation(id: "${started.data!.rolloutImage.id}") { status targets { status } } }`;
    const done = await eventually(() => graphql<{ operation: { status: string } }>(resumedUrl, query), (r) => r.data?.operation.status === 'SUCCEEDED', 60_000);
    expect(done.data?.operation).toMatchObject({ status: 'SUCCEEDED', targets: [expect.objectContaining({ status: 'SUCCEEDED' })] });
  });
});

describe('the DATA_DIR lock across processes', () => {
  it('lets exactly one of several processes in when they race for a stale lock, every time', async () => {
    for (let round = 0; round < 5; round++) {
      const folder = join(dataDir, `round-${round}`);
      const go = join(dataDir, `go-${round}`);
      await writeFile(go, '');
      const dead = startLockHolder(folder, go);
      expect(await dead.said).toBe('held');
      await dead.kill(); // its lock stays behind, stale
      const racers = [1, 2, 3, 4].map(() => startLockHolder(folder, `${go}-race`));
      await Promise.all(racers.map((racer) => racer.ready));
      await writeFile(`${go}-race`, '');
      const said = await Promise.all(racers.map((racer) => racer.said));
      expect(said.filter((line) => line === 'held')).toHaveLength(1);
      expect(said.filter((line) => line.startsWith('refused DATA_DIR '))).toHaveLength(3);
      await Promise.all(racers.map((racer) => racer.kill()));
    }
  });
});

describe('a store that cannot open as it stands', () => {
  it('with a torn last line, starts and logs a warning naming the file', async () => {
    const first = startGatewayProcess({ DATA_DIR: dataDir });
    await graphql(await first.serving(), 'mutation { rolloutImage(input: { image: "acme/web:2.5.0" }) { id } }');
    await first.kill('SIGKILL');
    const file = join(dataDir, 'operations.db');
    await truncate(file, (await readFile(file)).length - 40);

    const next = startGatewayProcess({ DATA_DIR: dataDir });
    await next.serving();
    expect(next.logs).toContainEqual(expect.objectContaining({ level: 40, file, msg: expect.stringContaining('its last line was cut short') }));
    expect((await readdir(dataDir)).filter((name) => name.startsWith('operations.db.bad-'))).toHaveLength(1);
  });

  it('with a bad line in the middle, exits 1 naming the file and the count; `npm run store -- repair` lets it start', async () => {
    const file = join(dataDir, 'audit.db');
    await writeFile(file, '{"_id":"a1","action":"x"}\nnot a record\n{"_id":"a2","action":"y"}\n');
    const refused = startGatewayProcess({ DATA_DIR: dataDir });
    expect(await refused.exited).toBe(1);
    expect(refused.stderr()).toContain(`The store file ${file} has 1 bad line (line 2) that cannot be read; nothing was changed.`);
    expect(refused.stderr()).not.toMatch(STACK_LINE);

    const repair = await promisify(execFile)(process.execPath, ['dist/scripts/store.js', 'repair'], { env: { PATH: process.env.PATH, DATA_DIR: dataDir } });
    expect(repair.stdout).toContain(`${file}: moved 1 line(s) (2) into ${file}.bad-`);
    await startGatewayProcess({ DATA_DIR: dataDir }).serving();
  });
});
