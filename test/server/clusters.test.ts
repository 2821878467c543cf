// The gateway end to end: real HTTP (and WebSocket) against simulated clusters in this process.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FormattedExecutionResult } from 'graphql';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { stringify } from 'yaml';
import { buildGatewaySchema } from '../../schema/build-schema.js';
import { loadConfig } from '../../src/config/index.js';
import { createLogger } from '../../src/logging/index.js';
import { startFleetgraph, type Fleetgraph } from '../../src/server/fleetgraph.js';
import { startSimFleet, type SimFleet } from '../../src/sim/fleet.js';

const CLUSTERS = '{ clusters { name server source status version } }';

type GraphQLResponse = FormattedExecutionResult<Record<string, unknown>>;

async function post(url: string, query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as GraphQLResponse;
}

// Each gateway keeps its store in a fresh folder, never in the working tree.
async function start(env: Record<string, string>): Promise<Fleetgraph> {
  const dataDir = await mkdtemp(join(tmpdir(), 'fleetgraph-data-'));
  const config = loadConfig({ PORT: '0', DATA_DIR: dataDir, ...env });
  return startFleetgraph({ config, logger: createLogger({ level: 'silent' }), schema: await buildGatewaySchema() });
}

describe('the embedded fleet', () => {
  let app: Fleetgraph;
  beforeAll(async () => {
    app = await start({ SIM_CLUSTERS: '3' });
  });
  afterAll(() => app.stop());

  it('serves its three clusters, EMBEDDED and OK', async () => {
    const { data, errors } = await post(app.url, CLUSTERS);
    expect(errors).toBeUndefined();
    expect(data?.clusters).toEqual(
      ['prod-eu', 'prod-us', 'staging'].map((name) => ({
        name,
        server: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+$/),
        source: 'EMBEDDED',
        status: 'OK',
        version: expect.stringMatching(/^v\d+\.\d+\.\d+/),
      })),
    );
  });

  it('answers the same query over graphql-ws', async () => {
    const client = createClient({ url: app.url.replace(/^http/, 'ws'), webSocketImpl: WebSocket, lazy: false });
    try {
      const result = await new Promise<GraphQLResponse>((resolve, reject) => {
        client.subscribe({ query: '{ clusters { name source } }' }, { next: resolve, error: reject, complete: () => {} });
      });
      expect(result.data?.clusters).toHaveLength(3);
    } finally {
      await client.dispose();
    }
  });

  it('finds one cluster by name, and null for an unknown one', async () => {
    const { data } = await post(app.url, '{ a: cluster(name: "staging") { name } b: cluster(name: "nope") { name } }');
    expect(data).toEqual({ a: { name: 'staging' }, b: null });
  });

  it.each([
    [{ names: ['prod-us', 'nope'] }, ['prod-us']],
    [{ status: ['OK'] }, ['prod-eu', 'prod-us', 'staging']],
    [{ status: ['UNREACHABLE'] }, []],
    [{ labelSelector: '!team' }, ['prod-eu', 'prod-us', 'staging']],
  ])('filters by %j', async (filter, names) => {
    const { data } = await post(app.url, 'query($f: ClusterFilter) { clusters(filter: $f) { name } }', { f: filter });
    expect(data?.clusters).toEqual(names.map((name) => ({ name })));
  });

  it('answers a bad labelSelector with BAD_USER_INPUT', async () => {
    const { errors } = await post(app.url, '{ clusters(filter: { labelSelector: "a in (" }) { name } }');
    expect(errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(errors?.[0]?.message).toMatch(/^labelSelector: /);
  });
});

describe('a kubeconfig fleet', () => {
  let fleet: SimFleet;
  let dir: string;
  let kubeconfig: string;
  beforeAll(async () => {
    fleet = await startSimFleet({ clusters: 3 });
    dir = await mkdtemp(join(tmpdir(), 'fleetgraph-'));
    kubeconfig = join(dir, 'kubeconfig.yaml');
    await writeFile(kubeconfig, stringify(fleet.kubeconfig()));
  });
  afterAll(async () => {
    await fleet.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it('serves every context as a KUBECONFIG cluster', async () => {
    const app = await start({ KUBECONFIG: kubeconfig });
    try {
      const { data } = await post(app.url, CLUSTERS);
      expect(data?.clusters).toEqual(
        fleet.clusters.map(({ name, url }) => ({
          name,
          server: url,
          source: 'KUBECONFIG',
          status: 'OK',
          version: expect.stringMatching(/^v\d+/),
        })),
      );
    } finally {
      await app.stop();
    }
  });

  it('serves only the contexts FLEETGRAPH_CONTEXTS names', async () => {
    const app = await start({ KUBECONFIG: kubeconfig, FLEETGRAPH_CONTEXTS: 'staging,prod-eu' });
    try {
      const { data } = await post(app.url, '{ clusters { name } }');
      expect(data?.clusters).toEqual([{ name: 'prod-eu' }, { name: 'staging' }]);
    } finally {
      await app.stop();
    }
  });

  it('reports a cluster that is down as UNREACHABLE, and only that one', async () => {
    const app = await start({ KUBECONFIG: kubeconfig });
    await fleet.cluster('prod-us').down();
    try {
      const { data, errors } = await post(app.url, '{ clusters { name status version error hostCounts { total } } }');
      expect(errors).toBeUndefined();
      const clusters = data?.clusters as { name: string; status: string }[];
      expect(clusters.find((c) => c.name === 'prod-us')).toEqual({
        name: 'prod-us',
        status: 'UNREACHABLE',
        version: null,
        error: 'cannot connect to the API server (ECONNREFUSED)',
        hostCounts: { total: 0 },
      });
      expect(clusters.filter((c) => c.status === 'OK').map((c) => c.name)).toEqual(['prod-eu', 'staging']);
    } finally {
      await fleet.cluster('prod-us').up();
      await app.stop();
    }
  });
});
