// Registered clusters' tokens through the whole gateway (registerCluster, a restart): sealed
// under FLEETGRAPH_SECRET_KEY in DATA_DIR, and a start with another key or none stops, naming it.
import { randomBytes } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildGatewaySchema } from '../../schema/build-schema.js';
import { loadConfig } from '../../src/config/index.js';
import { createLogger } from '../../src/logging/index.js';
import { startFleetgraph } from '../../src/server/fleetgraph.js';
import { startSimFleet, type SimFleet } from '../../src/sim/fleet.js';
import { SecretKeyError } from '../../src/store/index.js';
import { eventually } from '../support/wait.js';
import { graphql } from './gateway-process.js';

const REGISTER = 'mutation($input: RegisterClusterInput!) { registerCluster(input: $input) { name source } }';
const EDGE = '{ cluster(name: "edge") { source status hostCounts { total } } }';
type Edge = { cluster: { source: string; status: string; hostCounts: { total: number } } | null };

const keyA = randomBytes(32).toString('base64');
let fleet: SimFleet;
let dataDir: string;
beforeAll(async () => {
  fleet = await startSimFleet({ clusters: 1 });
});
afterAll(() => fleet.stop());
beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'fleetgraph-key-'));
});
afterEach(() => rm(dataDir, { recursive: true, force: true }));

async function start(env: Record<string, string> = {}) {
  const config = loadConfig({ PORT: '0', DATA_DIR: dataDir, SIM_CLUSTERS: '1', ...env });
  return startFleetgraph({ config, logger: createLogger({ level: 'silent' }), schema: await buildGatewaySchema() });
}

async function atRest(): Promise<string> {
  const names = await readdir(dataDir);
  return (await Promise.all(names.map((name) => readFile(join(dataDir, name), 'utf8')))).join('\n');
}

describe('a registered cluster token under FLEETGRAPH_SECRET_KEY', () => {
  it('is never in the files; another key or none stops the start naming the variable and the cluster; the key brings the cluster back, working', async () => {
    const token = `tok-${randomBytes(8).toString('hex')}`;
    const first = await start({ FLEETGRAPH_SECRET_KEY: keyA });
    const input = { name: 'edge', server: fleet.clusters[0]!.url, token, insecureSkipTlsVerify: true };
    expect(await graphql(first.url, REGISTER, { input })).toEqual({ data: { registerCluster: { name: 'edge', source: 'STORE' } } });
    expect(await atRest()).not.toContain(token);
    await first.stop();
    expect(await atRest()).toContain('"name":"edge"');
    expect(await atRest()).not.toContain(token);

    const wrongKey = start({ FLEETGRAPH_SECRET_KEY: randomBytes(32).toString('hex') });
    await expect(wrongKey).rejects.toBeInstanceOf(SecretKeyError);
    await expect(wrongKey).rejects.toThrow(/^FLEETGRAPH_SECRET_KEY \(key id \w+\) is not the key the token of registered cluster "edge" was encrypted with/);
    await expect(start()).rejects.toThrow('The token of registered cluster "edge" is encrypted, and FLEETGRAPH_SECRET_KEY is not set');

    const again = await start({ FLEETGRAPH_SECRET_KEY: keyA });
    try {
      const edge = (await eventually(() => graphql<Edge>(again.url, EDGE), (r) => r.data?.cluster?.status === 'OK', 30_000)).data?.cluster;
      expect(edge).toMatchObject({ source: 'STORE', status: 'OK' });
      expect(edge?.hostCounts.total).toBeGreaterThan(0);
    } finally {
      await again.stop();
    }
  }, 120_000);

  it('without the key, is kept in the embedded store only as its private files allow, and sealed once the key is given', async () => {
    const token = `tok-${randomBytes(8).toString('hex')}`;
    const plain = await start();
    await graphql(plain.url, REGISTER, { input: { name: 'edge', server: fleet.clusters[0]!.url, token, insecureSkipTlsVerify: true } });
    await plain.stop();
    expect(await atRest()).toContain(token);
    const sealed = await start({ FLEETGRAPH_SECRET_KEY: keyA });
    try {
      expect(await atRest()).not.toContain(token);
      expect((await graphql<Edge>(sealed.url, EDGE)).data?.cluster?.source).toBe('STORE');
    } finally {
      await sealed.stop();
    }
  }, 60_000);
});
