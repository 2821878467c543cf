// Clusters registered through the API, end to end: a second simulated fleet joins the gateway,
// is read like the others, survives a restart on the same (file) store, and leaves again.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSimFleet, type SimFleet } from '../../src/sim/fleet.js';
import { type GatewayStore, openEmbeddedStore } from '../../src/store/index.js';
import { startTestGateway, type TestGateway } from '../support/gateway.js';

const REGISTER = `mutation($input: RegisterClusterInput!) {
  registerCluster(input: $input) { name server source status labels { key value } }
}`;
const UNREGISTER = 'mutation($name: String!) { unregisterCluster(name: $name) }';
const CLUSTER = `query($name: String!) {
  cluster(name: $name) { name source status version hostCounts { total available } labels { key value } }
  workloads(filter: { clusters: [$name] }) { totalCount nodes { name cluster { name } } }
}`;
const CLUSTER_ONLY = `query($name: String!) { cluster(name: $name) { name } }`;
const WORKLOADS_OF = `query($name: String!) { workloads(filter: { clusters: [$name] }) { totalCount } }`;

/** A cluster the fleet does not have: no cluster by that name, and naming it in a filter is bad input. */
async function expectNoCluster(name: string): Promise<void> {
  expect((await gateway.query(CLUSTER_ONLY, { name })).data).toEqual({ cluster: null });
  const filtered = await gateway.query(WORKLOADS_OF, { name });
  expect(codeOf(filtered)).toBe('BAD_USER_INPUT');
  expect(filtered.errors?.[0]?.message).toBe(`filter.clusters: no cluster named ${name}`);
}

let fleet: SimFleet;
let extra: SimFleet;
let dataDir: string;
let store: GatewayStore;
let gateway: TestGateway;

beforeAll(async () => {
  [fleet, extra] = await Promise.all([startSimFleet({ clusters: 3, speed: 20 }), startSimFleet({ clusters: ['prod-eu'], speed: 20 })]);
  dataDir = await mkdtemp(join(tmpdir(), 'fleetgraph-registration-'));
  store = await openEmbeddedStore({ dataDir });
  gateway = await startTestGateway({ fleet, store });
});

afterAll(async () => {
  await gateway?.stop();
  await store?.close();
  await Promise.all([fleet?.stop(), extra?.stop()]);
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

const edge = () => ({
  name: 'edge-1',
  server: extra.clusters[0]!.url,
  token: 'edge-secret-token',
  insecureSkipTlsVerify: true,
  labels: [{ key: 'fleetgraph.io/region', value: 'eu-north' }, { key: 'tier', value: 'edge' }],
});

const codeOf = (response: { errors?: readonly { extensions?: Record<string, unknown> }[] }) => response.errors?.[0]?.extensions?.code;

describe('registering a cluster', () => {
  it('adds it to the fleet, read like any other', async () => {
    const registered = await gateway.query(REGISTER, { input: edge() });
    expect(registered.errors).toBeUndefined();
    expect(registered.data).toEqual({
      registerCluster: {
        name: 'edge-1',
        server: extra.clusters[0]!.url,
        source: 'STORE',
        status: 'OK',
        labels: [{ key: 'fleetgraph.io/region', value: 'eu-north' }, { key: 'tier', value: 'edge' }],
      },
    });

    const read = await gateway.query<{ cluster: { source: string; hostCounts: { total: number } }; workloads: { totalCount: number; nodes: { cluster: { name: string } }[] } }>(CLUSTER, { name: 'edge-1' });
    expect(read.errors).toBeUndefined();
    expect(read.data?.cluster).toMatchObject({ name: 'edge-1', source: 'STORE', status: 'OK', version: expect.any(String) });
    expect(read.data?.cluster.hostCounts.total).toBeGreaterThan(0);
    expect(read.data?.workloads.totalCount).toBeGreaterThan(0);
    expect(new Set(read.data?.workloads.nodes.map((w) => w.cluster.name))).toEqual(new Set(['edge-1']));
  });

  it('refuses a name already taken, by a registered or an embedded cluster', async () => {
    expect(codeOf(await gateway.query(REGISTER, { input: edge() }))).toBe('CONFLICT');
    expect(codeOf(await gateway.query(REGISTER, { input: { ...edge(), name: 'prod-eu' } }))).toBe('CONFLICT');
  });

  it.each([
    ['a name that is no DNS label', { name: 'Edge_1' }, 'name: must be a DNS-1123 label'],
    ['a server that is no URL', { server: 'edge.example' }, 'server: must be an http:// or https:// URL'],
    ['another scheme', { server: 'ftp://edge.example' }, 'server: must be an http:// or https:// URL'],
    ['plain http without skipping TLS verification', { insecureSkipTlsVerify: false }, 'http:// is accepted only with insecureSkipTlsVerify: true'],
    ['a CA that is not base64 PEM', { certificateAuthorityData: 'not a cert' }, 'certificateAuthorityData: must be base64 of a PEM certificate'],
    ['an invalid label key', { labels: [{ key: 'bad key', value: 'x' }] }, 'labels: key "bad key"'],
    ['an invalid label value', { labels: [{ key: 'tier', value: '-edge' }] }, 'labels: value "-edge" of "tier"'],
    ['a label given twice', { labels: [{ key: 'tier', value: 'a' }, { key: 'tier', value: 'b' }] }, 'labels: key "tier" given twice'],
  ])('refuses %s', async (_, change, message) => {
    const response = await gateway.query(REGISTER, { input: { ...edge(), name: 'edge-2', ...change } });
    expect(codeOf(response)).toBe('BAD_USER_INPUT');
    expect(response.errors?.[0]?.message).toContain(message);
    await expectNoCluster('edge-2');
  });

  it('keeps it across a restart on the same store', async () => {
    await gateway.stop();
    await store.close();
    store = await openEmbeddedStore({ dataDir });
    gateway = await startTestGateway({ fleet, store });
    const read = await gateway.query(CLUSTER, { name: 'edge-1' });
    expect(read.data?.cluster).toMatchObject({ name: 'edge-1', source: 'STORE', status: 'OK', labels: [{ key: 'fleetgraph.io/region', value: 'eu-north' }, { key: 'tier', value: 'edge' }] });
  });
});

describe('unregistering a cluster', () => {
  it('refuses clusters that did not come from registerCluster, and unknown ones', async () => {
    const embedded = await gateway.query(UNREGISTER, { name: 'prod-eu' });
    expect(codeOf(embedded)).toBe('FORBIDDEN');
    expect(embedded.errors?.[0]?.message).toContain('comes from EMBEDDED');
    expect(codeOf(await gateway.query(UNREGISTER, { name: 'nowhere' }))).toBe('NOT_FOUND');
  });

  it('removes a registered one from the fleet and the store', async () => {
    expect((await gateway.query(UNREGISTER, { name: 'edge-1' })).data).toEqual({ unregisterCluster: true });
    await expectNoCluster('edge-1');
    expect(await store.clusters.list()).toEqual([]);
    expect(codeOf(await gateway.query(UNREGISTER, { name: 'edge-1' }))).toBe('NOT_FOUND');
  });
});

describe('the audit record', () => {
  it('holds every registration, secrets redacted, failures with their code', async () => {
    const entries = await store.audit.list();
    const registered = entries.filter((e) => e.action === 'registerCluster');
    const first = registered.at(-1)!;
    expect(first).toMatchObject({
      principal: 'local',
      outcome: 'SUCCEEDED',
      error: null,
      operationId: null,
      args: { input: { name: 'edge-1', token: '[redacted]', insecureSkipTlsVerify: true, labels: [{ key: 'fleetgraph.io/region', value: 'eu-north' }, { key: 'tier', value: 'edge' }] } },
    });
    expect(first.at).toBeInstanceOf(Date);
    expect(JSON.stringify(entries)).not.toContain('edge-secret-token');
    expect(registered.filter((e) => e.outcome === 'FAILED').map((e) => e.error?.code)).toEqual([
      ...Array<string>(8).fill('BAD_USER_INPUT'),
      'CONFLICT',
      'CONFLICT',
    ]);
    const unregistered = entries.filter((e) => e.action === 'unregisterCluster').map((e) => [e.args.name, e.outcome, e.error?.code ?? null]);
    expect(unregistered).toEqual([
      ['edge-1', 'FAILED', 'NOT_FOUND'],
      ['edge-1', 'SUCCEEDED', null],
      ['nowhere', 'FAILED', 'NOT_FOUND'],
      ['prod-eu', 'FAILED', 'FORBIDDEN'],
    ]);
  });
});
