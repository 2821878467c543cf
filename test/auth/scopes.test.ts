// Roles and scopes end to end: callers with tokens of the access file, over HTTP and graphql-ws,
// against the demo fleet (prod-eu, prod-us, staging; namespaces acme-*, globex-production,
// monitoring, kube-system, default). In scope works; out of scope is invisible or FORBIDDEN,
// and a forbidden mutation changes nothing in the simulator.
import type { SimFleet } from '../../src/sim/fleet.js';
import { startTestGateway, type TestGateway } from '../support/gateway.js';
import { storeSnapshot } from '../mutations/store-snapshot.js';
import { subscribe, wsClient } from '../support/subscriptions.js';
import { caller } from './tokens.js';

const ADMIN = caller('admin', ['ADMIN']);
const VIEWER = caller('viewer', ['VIEWER']);
const EU_VIEWER = caller('eu-viewer', ['VIEWER'], { clusters: ['prod-eu'] });
const ACME_VIEWER = caller('acme-viewer', ['VIEWER'], { namespaces: ['acme-*'] });
const EU_OPERATOR = caller('eu-operator', ['OPERATOR'], { clusters: ['prod-eu'] });
const ACME_OPERATOR = caller('acme-operator', ['OPERATOR'], { namespaces: ['acme-*'] });
const EU_ADMIN = caller('eu-admin', ['ADMIN'], { clusters: ['prod-eu'] });

let gw: TestGateway;
beforeAll(async () => {
  gw = await startTestGateway({ clusters: 3, seed: 'demo', speed: 20, auth: { tokens: [ADMIN, VIEWER, EU_VIEWER, ACME_VIEWER, EU_OPERATOR, ACME_OPERATOR, EU_ADMIN].map((c) => c.entry) } });
});
afterAll(() => gw.stop());

async function as<T = Record<string, any>>(who: { token: string }, query: string, variables?: Record<string, unknown>) { // eslint-disable-line @typescript-eslint/no-explicit-any
  const { data, errors } = await gw.query<T>(query, variables, { token: who.token });
  return { data: data as T, errors };
}

/** Writes (create, update, patch, delete) the simulated clusters answered so far. */
function writes(fleet: SimFleet): number {
  return fleet.clusters.reduce((sum, c) => sum + ['create', 'update', 'patch', 'delete'].reduce((n, verb) => n + c.counters.total(verb), 0), 0);
}

const WORKLOADS = '{ workloads(first: 500) { totalCount nodes { id namespace cluster { name } } } }';
const API_EU = { cluster: 'prod-eu', namespace: 'acme-production', kind: 'DEPLOYMENT', name: 'api' };
const API_US = { ...API_EU, cluster: 'prod-us' };
const GRAFANA_EU = { cluster: 'prod-eu', namespace: 'monitoring', kind: 'DEPLOYMENT', name: 'grafana' };

describe('reads', () => {
  it('names the caller in me, with the roles its role implies', async () => {
    expect((await as(EU_OPERATOR, '{ me { name roles } }')).data).toEqual({ me: { name: 'eu-operator', roles: ['VIEWER', 'OPERATOR'] } });
  });

  it.each([
    ['admin', ADMIN, ['prod-eu', 'prod-us', 'staging']],
    ['eu-viewer', EU_VIEWER, ['prod-eu']],
    ['acme-viewer', ACME_VIEWER, ['prod-eu', 'prod-us', 'staging']],
  ])('lists only the clusters %s may see; others are null by name', async (_who, who, clusters) => {
    const { data } = await as(who, '{ clusters { name hostCounts { total } } us: cluster(name: "prod-us") { name } }');
    expect(data.clusters.map((c: { name: string }) => c.name)).toEqual(clusters);
    expect(data.us).toEqual(clusters.includes('prod-us') ? { name: 'prod-us' } : null);
  });

  it.each([
    ['eu-viewer', EU_VIEWER, (w: { cluster: { name: string } }) => w.cluster.name === 'prod-eu'],
    ['acme-viewer', ACME_VIEWER, (w: { namespace: string }) => w.namespace.startsWith('acme-')],
  ])('counts and lists only the workloads %s may see', async (_who, who, inScope) => {
    const all = (await as(ADMIN, WORKLOADS)).data.workloads.nodes as { id: string; namespace: string; cluster: { name: string } }[];
    const seen = (await as(who, WORKLOADS)).data.workloads;
    const expected = all.filter(inScope as (w: object) => boolean);
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(all.length);
    expect(seen.nodes.map((w: { id: string }) => w.id).sort()).toEqual(expected.map((w) => w.id).sort());
    expect(seen.totalCount).toBe(expected.length);
    // node(id) of one outside is null, of one inside is found
    const outside = all.find((w) => !(inScope as (w: object) => boolean)(w))!;
    const query = 'query($a: ID!, $b: ID!) { a: node(id: $a) { id } b: node(id: $b) { id } }';
    expect((await as(who, query, { a: outside.id, b: expected[0]!.id })).data).toEqual({ a: null, b: { id: expected[0]!.id } });
  });

  it('shows a namespace-limited caller the hosts of its clusters, but of their pods only those of its namespaces', async () => {
    const hosts = '{ hosts(first: 500) { totalCount nodes { name pods { namespace } } } }';
    const admin = (await as(ADMIN, hosts)).data.hosts;
    const acme = (await as(ACME_VIEWER, hosts)).data.hosts;
    expect(acme.totalCount).toBe(admin.totalCount);
    const namespaces = (h: { nodes: { pods: { namespace: string }[] }[] }) => new Set(h.nodes.flatMap((n) => n.pods.map((p) => p.namespace)));
    expect([...namespaces(admin)].some((ns) => !ns.startsWith('acme-'))).toBe(true);
    expect([...namespaces(acme)].every((ns) => ns.startsWith('acme-'))).toBe(true);
  });

  it('hides environments outside the namespaces of a namespace-limited caller', async () => {
    const query = '{ environments { name } }';
    const admin = (await as(ADMIN, query)).data.environments.map((e: { name: string }) => e.name);
    const acme = (await as(ACME_VIEWER, query)).data.environments.map((e: { name: string }) => e.name);
    expect(admin).toContain('globex:production');
    expect(acme).not.toContain('globex:production');
    expect(acme).toContain('acme:production');
  });
});

describe('mutations', () => {
  const SCALE = 'mutation($w: WorkloadRef!, $r: Int!) { scaleWorkload(input: { workload: $w, replicas: $r }) { replicas } }';
  const ROLLOUT = 'mutation($i: RolloutImageInput!) { rolloutImage(input: $i) { id status requestedBy targets { cluster namespace } } }';
  const RESTART = 'mutation($i: RestartWorkloadsInput!) { restartWorkloads(input: $i) { id } }';
  const CORDON = 'mutation($c: String!, $n: String!) { cordonHost(cluster: $c, name: $n) { name } }';

  it.each([
    ['a VIEWER scaling', VIEWER, SCALE, { w: API_EU, r: 4 }],
    ['eu-operator scaling in prod-us', EU_OPERATOR, SCALE, { w: API_US, r: 4 }],
    ['acme-operator scaling in monitoring', ACME_OPERATOR, SCALE, { w: GRAFANA_EU, r: 4 }],
    ['eu-operator rolling out fleet-wide', EU_OPERATOR, ROLLOUT, { i: { image: 'acme/api:1.5.0' } }],
    ['eu-operator rolling out to prod-eu and prod-us', EU_OPERATOR, ROLLOUT, { i: { image: 'acme/api:1.5.0', clusters: ['prod-eu', 'prod-us'] } }],
    ['acme-operator rolling out in every namespace', ACME_OPERATOR, ROLLOUT, { i: { image: 'acme/api:1.5.0' } }],
    ['eu-operator restarting a filter reaching prod-us', EU_OPERATOR, RESTART, { i: { filter: { clusters: ['prod-eu', 'prod-us'] } } }],
    ['eu-operator restarting a workload of prod-us', EU_OPERATOR, RESTART, { i: { workloads: [API_US] } }],
    ['acme-operator restarting the environment globex:production', ACME_OPERATOR, RESTART, { i: { filter: { environments: ['globex:production'] } } }],
    ['acme-operator cordoning a host (all namespaces run on it)', ACME_OPERATOR, CORDON, { c: 'prod-eu', n: 'prod-eu-node-2' }],
    ['an OPERATOR deleting a workload', EU_OPERATOR, 'mutation($w: WorkloadRef!) { deleteWorkload(workload: $w) }', { w: API_EU }],
  ])('refuses %s with FORBIDDEN and changes nothing', async (_what, who, query, variables) => {
    const before = storeSnapshot(gw.fleet);
    const written = writes(gw.fleet);
    const { data, errors } = await as(who, query, variables);
    expect(data).toBeNull();
    expect(errors).toEqual([expect.objectContaining({ extensions: expect.objectContaining({ code: 'FORBIDDEN' }) })]);
    expect(writes(gw.fleet)).toBe(written);
    expect(storeSnapshot(gw.fleet)).toEqual(before);
  });

  it('lets a caller change what lies in its scope, and names it as the requester', async () => {
    const scaled = await as(EU_OPERATOR, SCALE, { w: API_EU, r: 4 });
    expect(scaled).toEqual({ data: { scaleWorkload: { replicas: 4 } }, errors: undefined });
    const rollout = await as(ACME_OPERATOR, ROLLOUT, { i: { image: 'acme/api:1.4.2_17_a1b2c3d4', namespaces: ['acme-production'], dryRun: true } });
    expect(rollout.errors).toBeUndefined();
    expect(rollout.data.rolloutImage.requestedBy).toBe('acme-operator');
    const byEnvironment = await as(ACME_OPERATOR, RESTART, { i: { filter: { environments: ['acme:staging'], clusters: ['staging'] }, dryRun: true } });
    expect(byEnvironment.errors).toBeUndefined();
    const named = await as(EU_OPERATOR, ROLLOUT, { i: { image: 'acme/api:1.4.2_17_a1b2c3d4', clusters: ['prod-eu'], dryRun: true } });
    expect(named.errors).toBeUndefined();
    expect(named.data.rolloutImage.targets.every((t: { cluster: string }) => t.cluster === 'prod-eu')).toBe(true);
  });

  it('shows the audit log only to an ADMIN who may see the whole fleet', async () => {
    const log = '{ auditLog(first: 5) { totalCount } }';
    expect((await as(ADMIN, log)).errors).toBeUndefined();
    expect((await as(EU_ADMIN, log)).errors).toEqual([expect.objectContaining({ extensions: { code: 'FORBIDDEN' } })]);
  });

  it('writes the refused attempt to the audit under the caller\'s name', async () => {
    await as(EU_OPERATOR, SCALE, { w: API_US, r: 7 });
    const entries = await gw.store.audit.list({ action: 'scaleWorkload' });
    expect(entries[0]).toMatchObject({ principal: 'eu-operator', outcome: 'FAILED', error: { code: 'FORBIDDEN' } });
  });
});

describe('operations', () => {
  const ROLLOUT = 'mutation($i: RolloutImageInput!) { rolloutImage(input: $i) { id targets { cluster } } }';
  const clustersOf = (op: { targets: { cluster: string }[] }) => [...new Set(op.targets.map((t) => t.cluster))].sort();

  it('are visible to callers who may see all their targets, and cancelled only by them', async () => {
    const fleetWide = (await as(ADMIN, ROLLOUT, { i: { image: 'acme/api:9.0.0', dryRun: true } })).data.rolloutImage;
    const inEu = (await as(ADMIN, ROLLOUT, { i: { image: 'acme/api:9.0.0', clusters: ['prod-eu'], dryRun: true } })).data.rolloutImage;
    expect([clustersOf(fleetWide), clustersOf(inEu)]).toEqual([['prod-eu', 'prod-us', 'staging'], ['prod-eu']]);
    const [everywhere, euOnly] = [fleetWide.id as string, inEu.id as string];
    const read = 'query($a: ID!, $b: ID!) { operations(first: 100) { nodes { id } } a: operation(id: $a) { id } b: node(id: $b) { id } }';
    const eu = (await as(EU_VIEWER, read, { a: everywhere, b: everywhere })).data;
    expect(eu.operations.nodes.map((o: { id: string }) => o.id)).toContain(euOnly);
    expect(eu.operations.nodes.map((o: { id: string }) => o.id)).not.toContain(everywhere);
    expect([eu.a, eu.b]).toEqual([null, null]);
    expect((await as(EU_VIEWER, 'query($a: ID!) { operation(id: $a) { id } }', { a: euOnly })).data.operation).toEqual({ id: euOnly });
    const cancel = await as(EU_OPERATOR, 'mutation($id: ID!) { cancelOperation(id: $id) { id } }', { id: everywhere });
    expect(cancel.errors).toEqual([expect.objectContaining({ extensions: expect.objectContaining({ code: 'FORBIDDEN' }) })]);
  });
});

describe('callers without a valid token', () => {
  it('refuses an unknown token with UNAUTHENTICATED, and a caller without one on every field', async () => {
    const unknown = await gw.query('{ me { name } }', undefined, { token: 'not-a-token-of-the-file' });
    expect(unknown.errors).toEqual([expect.objectContaining({ extensions: { code: 'UNAUTHENTICATED' } })]);
    const none = await gw.query('{ cluster(name: "prod-eu") { name } workload(ref: { cluster: "prod-eu", namespace: "default", kind: DEPLOYMENT, name: "nginx" }) { name } }');
    expect(none.errors?.map((e) => e.extensions?.code)).toEqual(['UNAUTHENTICATED', 'UNAUTHENTICATED']);
  });

  it('gives a caller without a token the anonymous grant of the access file', async () => {
    const open = await startTestGateway({ fleet: gw.fleet, auth: { tokens: [ADMIN.entry], anonymous: { roles: ['VIEWER'], clusters: ['staging'] } } });
    try {
      const { data, errors } = await open.query('{ me { name roles } clusters { name } }');
      expect(errors).toBeUndefined();
      expect(data).toEqual({ me: { name: 'anonymous', roles: ['VIEWER'] }, clusters: [{ name: 'staging' }] });
      const scale = await open.query('mutation { scaleWorkload(input: { workload: { cluster: "staging", namespace: "acme-staging", kind: DEPLOYMENT, name: "api" }, replicas: 2 }) { replicas } }');
      expect(scale.errors).toEqual([expect.objectContaining({ extensions: { code: 'FORBIDDEN' } })]);
    } finally {
      await open.stop();
    }
  });
});

describe('subscriptions', () => {
  it('carry only the resource changes a caller may see', async () => {
    const admin = wsClient(gw.url, { token: ADMIN.token });
    const eu = wsClient(gw.url, { token: EU_VIEWER.token });
    const query = 'subscription { resourceChanged(filter: { kinds: [DEPLOYMENT] }) { cluster namespace name } }';
    type Event = { resourceChanged: { cluster: string; namespace: string; name: string } };
    const all = subscribe<Event>(admin, query);
    const mine = subscribe<Event>(eu, query);
    try {
      const changed = (s: typeof all, cluster: string) => s.data().some((d) => d.resourceChanged.cluster === cluster && d.resourceChanged.name === 'web');
      // Streams start with the first subscriber; keep scaling until both have seen a change.
      for (let r = 3; !(changed(all, 'prod-us') && changed(mine, 'prod-eu')); r++) {
        await as(ADMIN, 'mutation($w: WorkloadRef!, $r: Int!) { scaleWorkload(input: { workload: $w, replicas: $r }) { replicas } }', { w: { ...API_US, name: 'web' }, r });
        await as(ADMIN, 'mutation($w: WorkloadRef!, $r: Int!) { scaleWorkload(input: { workload: $w, replicas: $r }) { replicas } }', { w: { ...API_EU, name: 'web' }, r });
        await mine.until(() => changed(all, 'prod-us') && changed(mine, 'prod-eu'), 3000).catch(() => undefined);
        if (r > 20) throw new Error('no change arrived');
      }
      expect(mine.data().every((d) => d.resourceChanged.cluster === 'prod-eu')).toBe(true);
      expect(all.data().some((d) => d.resourceChanged.cluster === 'prod-us')).toBe(true);
    } finally {
      all.unsubscribe();
      mine.unsubscribe();
      await Promise.all([admin.dispose(), eu.dispose()]);
    }
  });

  it('carry only the operations a caller may see', async () => {
    const admin = wsClient(gw.url, { token: ADMIN.token });
    const eu = wsClient(gw.url, { token: EU_VIEWER.token });
    const query = 'subscription { operationUpdated { id targets { cluster } } }';
    type Update = { operationUpdated: { id: string; targets: { cluster: string }[] } };
    const all = subscribe<Update>(admin, query);
    const mine = subscribe<Update>(eu, query);
    try {
      const ROLLOUT = 'mutation($i: RolloutImageInput!) { rolloutImage(input: $i) { id } }';
      let usOnly = '';
      let euOnly = '';
      const seen = (s: typeof all, id: string) => s.data().some((d) => d.operationUpdated.id === id);
      // Subscriptions are live once they deliver: repeat until one submitted after it is seen.
      for (let i = 0; !(seen(all, usOnly) && seen(mine, euOnly)); i++) {
        usOnly = (await as(ADMIN, ROLLOUT, { i: { image: 'acme/api:9.0.0', clusters: ['prod-us'], dryRun: true } })).data.rolloutImage.id;
        euOnly = (await as(ADMIN, ROLLOUT, { i: { image: 'acme/api:9.0.0', clusters: ['prod-eu'], dryRun: true } })).data.rolloutImage.id;
        await mine.until(() => seen(mine, euOnly), 2000).catch(() => undefined);
        if (i > 20) throw new Error('no operation update arrived');
      }
      expect(mine.data().every((d) => d.operationUpdated.targets.every((t) => t.cluster === 'prod-eu'))).toBe(true);
      expect(mine.data().some((d) => d.operationUpdated.id === usOnly)).toBe(false);
    } finally {
      all.unsubscribe();
      mine.unsubscribe();
      await Promise.all([admin.dispose(), eu.dispose()]);
    }
  });
});
