// Environments end to end against the demo fleet: acme:production in prod-eu and prod-us,
// acme:staging in staging, globex:production in prod-eu.
import { toGlobalId } from '../../src/model/ids.js';
import { startTestGateway, type TestGateway } from '../support/gateway.js';

interface EnvironmentRow {
  id: string;
  name: string;
  namespace: string;
  hostNames: string[];
  createdAt: string | null;
  clusters: { name: string }[];
}

const ENVIRONMENT_FIELDS = 'id name namespace hostNames createdAt clusters { name }';

const EXPECTED: Omit<EnvironmentRow, 'createdAt'>[] = [
  {
    id: toGlobalId('Environment', 'acme:production'),
    name: 'acme:production',
    namespace: 'acme-production',
    hostNames: ['prod-eu.acme.example', 'prod-us.acme.example', 'www.acme.example'],
    clusters: [{ name: 'prod-eu' }, { name: 'prod-us' }],
  },
  { id: toGlobalId('Environment', 'acme:staging'), name: 'acme:staging', namespace: 'acme-staging', hostNames: ['staging.acme.example'], clusters: [{ name: 'staging' }] },
  {
    id: toGlobalId('Environment', 'globex:production'),
    name: 'globex:production',
    namespace: 'globex-production',
    hostNames: ['globex.example'],
    clusters: [{ name: 'prod-eu' }],
  },
];

describe('environments', () => {
  let gw: TestGateway;
  beforeAll(async () => {
    gw = await startTestGateway({ clusters: 3, seed: 'demo' });
  });
  afterAll(() => gw.stop());

  it('groups the environment namespaces of every cluster by name', async () => {
    const { data, errors } = await gw.query<{ environments: EnvironmentRow[] }>(`{ environments { ${ENVIRONMENT_FIELDS} } }`);
    expect(errors).toBeUndefined();
    expect(data!.environments).toEqual(EXPECTED.map((env) => ({ ...env, createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) })));
  });

  it.each<[string, Record<string, unknown>, string[]]>([
    ['clusters', { clusters: ['prod-eu'] }, ['acme:production', 'globex:production']],
    ['names', { names: ['globex:production', 'nope:none'] }, ['globex:production']],
    ['clusters and names', { clusters: ['prod-us'], names: ['globex:production'] }, []],
    ['nothing', {}, ['acme:production', 'acme:staging', 'globex:production']],
  ])('filters by %s', async (_title, filter, names) => {
    const { data } = await gw.query<{ environments: { name: string }[] }>('query($f: EnvironmentFilter) { environments(filter: $f) { name } }', { f: filter });
    expect(data!.environments.map((env) => env.name)).toEqual(names);
  });

  it('finds one by name, whole, and null for one no cluster holds', async () => {
    const { data, errors } = await gw.query(`{ a: environment(name: "acme:production") { ${ENVIRONMENT_FIELDS} } b: environment(name: "acme:qa") { name } }`);
    expect(errors).toBeUndefined();
    expect(data).toEqual({ a: { ...EXPECTED[0], createdAt: expect.any(String) }, b: null });
  });

  it.each(['acme', 'acme-production', 'ACME:production', 'acme:prod:eu'])('refuses the name %p as BAD_USER_INPUT', async (name) => {
    const { data, errors } = await gw.query('query($n: String!) { environment(name: $n) { name } }', { n: name });
    expect(data).toEqual({ environment: null });
    expect(errors).toEqual([expect.objectContaining({ message: expect.stringContaining('org:env'), extensions: { code: 'BAD_USER_INPUT' } })]);
  });

  it("lists an environment's workloads: its namespace, in each of its clusters", async () => {
    const { data, errors } = await gw.query<{ environment: { workloads: { totalCount: number; nodes: { name: string; kind: string; namespace: string; cluster: { name: string } }[] } } }>(
      '{ environment(name: "acme:production") { workloads { totalCount nodes { name kind namespace cluster { name } } } } }',
    );
    expect(errors).toBeUndefined();
    const rows = data!.environment.workloads.nodes.map((w) => `${w.cluster.name}/${w.namespace}/${w.kind}/${w.name}`);
    const inCluster = (c: string) => ['DEPLOYMENT/api', 'DEPLOYMENT/web', 'DEPLOYMENT/worker', 'STATEFULSET/postgres'].map((w) => `${c}/acme-production/${w}`);
    expect(rows).toEqual([...inCluster('prod-eu'), ...inCluster('prod-us')]);
    expect(data!.environment.workloads.totalCount).toBe(8);
  });

  it.each<[string, Record<string, unknown>, string[]]>([
    ['kinds', { kinds: ['STATEFULSET'] }, ['prod-eu/postgres', 'prod-us/postgres']],
    ['name and clusters', { name: 'ap', clusters: ['prod-us'] }, ['prod-us/api']],
    ['another namespace', { namespaces: ['monitoring'] }, []],
    ['its own namespace', { namespaces: ['acme-production', 'monitoring'], kinds: ['STATEFULSET'] }, ['prod-eu/postgres', 'prod-us/postgres']],
  ])("filters an environment's workloads by %s", async (_title, filter, expected) => {
    const { data } = await gw.query<{ environment: { workloads: { nodes: { name: string; cluster: { name: string } }[] } } }>(
      'query($f: WorkloadFilter) { environment(name: "acme:production") { workloads(filter: $f) { nodes { name cluster { name } } } } }',
      { f: filter },
    );
    expect(data!.environment.workloads.nodes.map((w) => `${w.cluster.name}/${w.name}`)).toEqual(expected);
  });

  it("pages an environment's workloads", async () => {
    const page = (after: string | null) =>
      gw.query<{ environment: { workloads: { nodes: { id: string }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } } }>(
        'query($after: String) { environment(name: "acme:production") { workloads(first: 5, after: $after) { nodes { id } pageInfo { hasNextPage endCursor } } } }',
        { after },
      );
    const first = (await page(null)).data!.environment.workloads;
    const second = (await page(first.pageInfo.endCursor)).data!.environment.workloads;
    expect([first.nodes.length, first.pageInfo.hasNextPage, second.nodes.length, second.pageInfo.hasNextPage]).toEqual([5, true, 3, false]);
    expect(new Set([...first.nodes, ...second.nodes].map((n) => n.id)).size).toBe(8);
  });

  it('links clusters, namespaces and workloads to their environments, listing each cluster’s namespaces once', async () => {
    await gw.coldCache();
    const { data, errors } = await gw.query<{
      clusters: { name: string; environments: { name: string }[]; namespaces: { name: string; environment: { name: string } | null }[] }[];
      workloads: { nodes: { name: string; namespace: string; cluster: { name: string }; environment: { name: string; clusters: { name: string }[] } | null }[] };
      environments: { name: string; clusters: { environments: { name: string }[] }[] }[];
    }>(
      `{ clusters { name environments { name } namespaces { name environment { name } } }
         workloads(filter: { name: "a" }) { nodes { name namespace cluster { name } environment { name clusters { name } } } }
         environments { name clusters { environments { name } } } }`,
    );
    expect(errors).toBeUndefined();
    expect(data!.clusters.map((c) => [c.name, c.environments.map((e) => e.name)])).toEqual([
      ['prod-eu', ['acme:production', 'globex:production']],
      ['prod-us', ['acme:production']],
      ['staging', ['acme:staging']],
    ]);
    const eu = data!.clusters[0]!.namespaces;
    expect(Object.fromEntries(eu.map((ns) => [ns.name, ns.environment?.name ?? null]))).toMatchObject({
      'acme-production': 'acme:production',
      'globex-production': 'globex:production',
      monitoring: null,
      default: null,
    });
    const byRef = Object.fromEntries(data!.workloads.nodes.map((w) => [`${w.cluster.name}/${w.namespace}/${w.name}`, w.environment]));
    expect(byRef['prod-us/acme-production/api']).toEqual({ name: 'acme:production', clusters: [{ name: 'prod-eu' }, { name: 'prod-us' }] });
    expect(byRef['staging/acme-staging/api']).toEqual({ name: 'acme:staging', clusters: [{ name: 'staging' }] });
    expect(byRef['prod-eu/monitoring/grafana']).toBeNull();
    expect(gw.kubeReads()['list namespaces']).toBe(3);
  });

  it("answers from the other clusters, with one CLUSTER_UNAVAILABLE, while a cluster is down", async () => {
    await gw.down('prod-us');
    try {
      const { data, errors } = await gw.query<{ environments: { name: string; clusters: { name: string }[]; hostNames: string[] }[] }>(
        '{ environments { name hostNames clusters { name } } }',
      );
      expect(data!.environments).toEqual([
        { name: 'acme:production', hostNames: ['prod-eu.acme.example', 'www.acme.example'], clusters: [{ name: 'prod-eu' }] },
        { name: 'acme:staging', hostNames: ['staging.acme.example'], clusters: [{ name: 'staging' }] },
        { name: 'globex:production', hostNames: ['globex.example'], clusters: [{ name: 'prod-eu' }] },
      ]);
      expect(errors).toEqual([expect.objectContaining({ extensions: { code: 'CLUSTER_UNAVAILABLE', cluster: 'prod-us' } })]);
    } finally {
      await gw.fleet.cluster('prod-us').up();
    }
  });
});
