// Workloads end to end: the gateway in this process over a simulated fleet, read through
// real HTTP on both sides; request counts read from the simulator's own counters.
import { fromGlobalId } from '../../src/model/ids.js';
import { isControlledBy } from '../../src/sim/objects.js';
import { resourceByKind } from '../../src/sim/resources.js';
import { startTestGateway, type TestGateway } from '../support/gateway.js';
import { eventually } from '../support/wait.js';

const DEPLOYMENT = resourceByKind('Deployment');
const REPLICA_SET = resourceByKind('ReplicaSet');
const POD = resourceByKind('Pod');

interface WorkloadRow {
  id: string;
  kind: string;
  name: string;
  namespace: string;
  cluster: { name: string };
  status: string;
  createdAt: string | null;
}

interface WorkloadsPage {
  workloads: {
    totalCount: number;
    nodes: WorkloadRow[];
    edges: { cursor: string; node: { id: string } }[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
}

const WORKLOADS = `query($filter: WorkloadFilter, $sort: [WorkloadSort!], $first: Int, $after: String) {
  workloads(filter: $filter, sort: $sort, first: $first, after: $after) {
    totalCount
    nodes { id kind name namespace cluster { name } status createdAt }
    edges { cursor node { id } }
    pageInfo { hasNextPage endCursor }
  }
}`;

const keyOf = (w: WorkloadRow) => `${w.cluster.name}/${w.namespace}/${w.kind}/${w.name}`;

// The demo fleet's workloads in the default order: cluster, namespace, kind (as declared), name.
function demoWorkloads(cluster: string): string[] {
  const env = cluster === 'staging' ? 'acme-staging' : 'acme-production';
  const rows = [
    `${env}/DEPLOYMENT/api`,
    `${env}/DEPLOYMENT/web`,
    `${env}/DEPLOYMENT/worker`,
    `${env}/STATEFULSET/postgres`,
    'default/DEPLOYMENT/nginx',
    ...(cluster === 'prod-eu' ? ['globex-production/DEPLOYMENT/shop'] : []),
    'kube-system/DEPLOYMENT/coredns',
    'kube-system/DAEMONSET/kube-proxy',
    'monitoring/DEPLOYMENT/grafana',
    'monitoring/STATEFULSET/prometheus',
    'monitoring/DAEMONSET/node-exporter',
  ];
  return rows.map((row) => `${cluster}/${row}`);
}
const ALL = ['prod-eu', 'prod-us', 'staging'].flatMap(demoWorkloads);
const where = (test: (key: string) => boolean) => ALL.filter(test);

async function everyWorkloadAvailable(gw: TestGateway): Promise<void> {
  await eventually(
    () => gw.query<WorkloadsPage>(WORKLOADS, { first: 1000 }),
    ({ data }) => data?.workloads.totalCount === ALL.length && data.workloads.nodes.every((w) => w.status === 'AVAILABLE'),
  );
}

/** One page of Query.workloads, which must come without errors. */
async function workloadsPage(gw: TestGateway, variables: Record<string, unknown>): Promise<WorkloadsPage['workloads']> {
  const { data, errors } = await gw.query<WorkloadsPage>(WORKLOADS, variables);
  expect(errors).toBeUndefined();
  return data!.workloads;
}

function badInput(message: RegExp) {
  return [expect.objectContaining({ message: expect.stringMatching(message), extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }) })];
}

describe('workloads of a steady demo fleet', () => {
  let gw: TestGateway;
  beforeAll(async () => {
    gw = await startTestGateway({ clusters: 3, seed: 'demo', speed: 20 });
    await everyWorkloadAvailable(gw);
  });
  afterAll(() => gw.stop());

  it('lists every workload of the fleet by cluster, namespace, kind and name', async () => {
    const { data, errors } = await gw.query<WorkloadsPage>(WORKLOADS);
    expect(errors).toBeUndefined();
    expect(data?.workloads.nodes.map(keyOf)).toEqual(ALL);
    expect(data?.workloads.totalCount).toBe(31);
    expect(data?.workloads.pageInfo).toEqual({ hasNextPage: false, endCursor: data?.workloads.edges.at(-1)?.cursor });
  });

  it('shapes a workload with its containers, parsed images, counts and cluster', async () => {
    const query = `{ workloads(filter: { clusters: ["prod-eu"], namespaces: ["acme-production"], name: "api" }) { nodes {
      id kind name namespace cluster { name } labels { key value } replicas readyReplicas updatedReplicas availableReplicas
      status paused revision createdAt
      containers { name image imageRef { spec registry imageOwner imageName tag owner repo branch fullVersion version prerelease build commit } }
    } } }`;
    const { data, errors } = await gw.query<{ workloads: { nodes: Record<string, unknown>[] } }>(query);
    expect(errors).toBeUndefined();
    const [api] = data!.workloads.nodes;
    expect(api).toEqual({
      id: expect.any(String),
      kind: 'DEPLOYMENT',
      name: 'api',
      namespace: 'acme-production',
      cluster: { name: 'prod-eu' },
      labels: [
        { key: 'app', value: 'api' },
        { key: 'tier', value: 'backend' },
      ],
      replicas: 3,
      readyReplicas: 3,
      updatedReplicas: 3,
      availableReplicas: 3,
      status: 'AVAILABLE',
      paused: false,
      revision: 1,
      createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      containers: [
        {
          name: 'api',
          image: 'acme/api:1.4.2_17_a1b2c3d4',
          imageRef: {
            spec: 'acme/api:1.4.2_17_a1b2c3d4',
            registry: null,
            imageOwner: 'acme',
            imageName: 'api',
            tag: '1.4.2_17_a1b2c3d4',
            owner: 'acme',
            repo: 'api',
            branch: 'master',
            fullVersion: '1.4.2',
            version: '1.4.2',
            prerelease: null,
            build: '17',
            commit: 'a1b2c3d4',
          },
        },
      ],
    });
    expect(fromGlobalId(api!.id as string)).toEqual({ type: 'Workload', parts: ['prod-eu', 'acme-production', 'DEPLOYMENT', 'api'] });
  });

  it.each<[string, Record<string, unknown>, string[]]>([
    ['clusters', { clusters: ['staging'] }, demoWorkloads('staging')],
    ['namespaces', { namespaces: ['monitoring'] }, where((k) => k.includes('/monitoring/'))],
    ['kinds', { kinds: ['STATEFULSET', 'DAEMONSET'] }, where((k) => !k.includes('/DEPLOYMENT/'))],
    ['environments', { environments: ['acme:staging', 'globex:production'] }, where((k) => k.includes('/acme-staging/') || k.includes('/globex-production/'))],
    ['environments and namespaces', { environments: ['acme:production'], namespaces: ['acme-production', 'monitoring'] }, where((k) => k.includes('/acme-production/'))],
    ['labelSelector', { labelSelector: 'tier=backend' }, where((k) => /\/(api|worker)$/.test(k))],
    ['labelSelector with a set', { labelSelector: 'k8s-app in (kube-dns),app' }, where((k) => k.endsWith('/coredns'))],
    ['name', { name: 'EXPORT' }, where((k) => k.endsWith('/node-exporter'))],
    ['status', { status: ['DEGRADED', 'FAILED'] }, []],
    ['every criterion', { clusters: ['prod-us'], kinds: ['DEPLOYMENT'], environments: ['acme:production'], labelSelector: 'tier', image: 'acme', name: 'w', status: ['AVAILABLE'] }, ['prod-us/acme-production/DEPLOYMENT/web', 'prod-us/acme-production/DEPLOYMENT/worker']],
  ])('filters by %s', async (_what, filter, expected) => {
    const { data, errors } = await gw.query<WorkloadsPage>(WORKLOADS, { filter });
    expect(errors).toBeUndefined();
    expect(data?.workloads.nodes.map(keyOf)).toEqual(expected);
    expect(data?.workloads.totalCount).toBe(expected.length);
  });

  it.each<[string, string[]]>([
    ['quay.io', where((k) => /\/(prometheus|node-exporter)$/.test(k))],
    ['acme/api:1.4', ['prod-eu/acme-production/DEPLOYMENT/api', 'prod-us/acme-production/DEPLOYMENT/api']],
    ['rc.1', ['staging/acme-staging/DEPLOYMENT/api']],
    ['f00dfeed', ['prod-eu/globex-production/DEPLOYMENT/shop']],
    ['registry.globex.example:5000', ['prod-eu/globex-production/DEPLOYMENT/shop']],
    ['ALPINE', where((k) => /\/(postgres|nginx)$/.test(k))],
    ['gcr.io', []],
  ])('finds workloads by the image fragment %j', async (image, expected) => {
    const { data, errors } = await gw.query<WorkloadsPage>(WORKLOADS, { filter: { image } });
    expect(errors).toBeUndefined();
    expect(data?.workloads.nodes.map(keyOf)).toEqual(expected);
  });

  it.each<[string, Record<string, unknown>[], (rows: WorkloadRow[]) => void]>([
    ['name descending', [{ field: 'NAME', direction: 'DESC' }], (rows) => expect(rows.map((w) => w.name)).toEqual([...rows.map((w) => w.name)].sort().reverse())],
    [
      'kind, then cluster descending',
      [{ field: 'KIND' }, { field: 'CLUSTER', direction: 'DESC' }],
      (rows) => {
        expect(rows.map((w) => w.kind)).toEqual([...Array(19).fill('DEPLOYMENT'), ...Array(6).fill('STATEFULSET'), ...Array(6).fill('DAEMONSET')]);
        expect(rows.slice(0, 19).map((w) => w.cluster.name)).toEqual([...Array(6).fill('staging'), ...Array(6).fill('prod-us'), ...Array(7).fill('prod-eu')]);
      },
    ],
    ['namespace, ties by the default order', [{ field: 'NAMESPACE' }], (rows) => expect(rows.map(keyOf)).toEqual([...ALL].sort((a, b) => byNamespace(a, b) || ALL.indexOf(a) - ALL.indexOf(b)))],
    [
      'newest first',
      [{ field: 'CREATED_AT', direction: 'DESC' }],
      (rows) => expect(rows.map((w) => Date.parse(w.createdAt!))).toEqual(rows.map((w) => Date.parse(w.createdAt!)).sort((a, b) => b - a)),
    ],
    ['status, all alike: the default order', [{ field: 'STATUS', direction: 'DESC' }], (rows) => expect(rows.map(keyOf)).toEqual(ALL)],
  ])('sorts by %s', async (_what, sort, check) => {
    const { data, errors } = await gw.query<WorkloadsPage>(WORKLOADS, { sort });
    expect(errors).toBeUndefined();
    expect(data?.workloads.totalCount).toBe(31);
    check(data!.workloads.nodes);
  });

  it('pages through a sorted list without a gap or a repeat', async () => {
    const sort = [{ field: 'NAME', direction: 'DESC' }];
    const whole = (await gw.query<WorkloadsPage>(WORKLOADS, { sort })).data!.workloads.nodes.map(keyOf);
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const page = await workloadsPage(gw, { sort, first: 7, after });
      seen.push(...page.nodes.map(keyOf));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    expect(seen).toEqual(whole);
  });

  describe('workload(ref)', () => {
    const WORKLOAD = 'query($ref: WorkloadRef!) { workload(ref: $ref) { kind name namespace cluster { name } replicas status revision pods { name } } }';

    it('finds one workload', async () => {
      const { data, errors } = await gw.query(WORKLOAD, { ref: { cluster: 'staging', namespace: 'acme-staging', kind: 'STATEFULSET', name: 'postgres' } });
      expect(errors).toBeUndefined();
      expect(data?.workload).toEqual({
        kind: 'STATEFULSET',
        name: 'postgres',
        namespace: 'acme-staging',
        cluster: { name: 'staging' },
        replicas: 1,
        status: 'AVAILABLE',
        // its one ControllerRevision
        revision: 1,
        pods: [{ name: 'postgres-0' }],
      });
    });

    it.each([
      ['an absent name', { cluster: 'staging', namespace: 'acme-staging', kind: 'DEPLOYMENT', name: 'nope' }],
      ['another kind of the same name', { cluster: 'staging', namespace: 'acme-staging', kind: 'DAEMONSET', name: 'api' }],
      ['another namespace', { cluster: 'staging', namespace: 'monitoring', kind: 'DEPLOYMENT', name: 'api' }],
      ['an unknown cluster', { cluster: 'nope', namespace: 'acme-staging', kind: 'DEPLOYMENT', name: 'api' }],
    ])('is null for %s', async (_what, ref) => {
      const { data, errors } = await gw.query(WORKLOAD, { ref });
      expect(errors).toBeUndefined();
      expect(data?.workload).toBeNull();
    });
  });

  describe('pods', () => {
    const PODS = 'query($ref: WorkloadRef!) { workload(ref: $ref) { pods { name namespace cluster { name } } } }';
    const podNames = async (ref: Record<string, string>) =>
      ((await gw.query<{ workload: { pods: { name: string }[] } }>(PODS, { ref })).data?.workload.pods ?? []).map((p) => p.name);

    it("lists a Deployment's pods through its ReplicaSets, as the store holds them", async () => {
      const store = gw.fleet.cluster('prod-eu').store;
      const api = store.get(DEPLOYMENT, 'acme-production', 'api')!;
      const sets = store.list(REPLICA_SET, { namespace: 'acme-production' }).filter((rs) => isControlledBy(rs, api));
      const expected = store
        .list(POD, { namespace: 'acme-production' })
        .filter((pod) => sets.some((rs) => isControlledBy(pod, rs)))
        .map((pod) => pod.metadata.name)
        .sort();
      expect(expected).toHaveLength(3);
      expect(await podNames({ cluster: 'prod-eu', namespace: 'acme-production', kind: 'DEPLOYMENT', name: 'api' })).toEqual(expected);
    });

    it.each([
      ['StatefulSet', { cluster: 'prod-eu', namespace: 'acme-production', kind: 'STATEFULSET', name: 'postgres' }, ['postgres-0', 'postgres-1']],
      ['DaemonSet', { cluster: 'staging', namespace: 'monitoring', kind: 'DAEMONSET', name: 'node-exporter' }, [expect.stringMatching(/^node-exporter-/), expect.stringMatching(/^node-exporter-/)]],
    ])("lists a %s's own pods", async (_kind, ref, expected) => {
      expect(await podNames(ref)).toEqual(expected);
    });

    it('gives each pod its cluster', async () => {
      const { data } = await gw.query<{ workload: { pods: { namespace: string; cluster: { name: string } }[] } }>(PODS, {
        ref: { cluster: 'prod-us', namespace: 'monitoring', kind: 'DEPLOYMENT', name: 'grafana' },
      });
      expect(data?.workload.pods).toEqual([{ name: expect.stringMatching(/^grafana-/), namespace: 'monitoring', cluster: { name: 'prod-us' } }]);
    });
  });

  describe('requests to the clusters', () => {
    beforeEach(() => gw.coldCache());

    it('cost one list per kind per cluster for every workload and all its pods', async () => {
      const { data, errors } = await gw.query<{ workloads: { nodes: { pods: { name: string }[] }[] } }>('{ workloads(first: 1000) { nodes { pods { name } } } }');
      expect(errors).toBeUndefined();
      expect(data?.workloads.nodes).toHaveLength(31);
      expect(data?.workloads.nodes.flatMap((w) => w.pods)).toHaveLength(gw.fleet.clusters.reduce((n, c) => n + c.store.count(POD), 0));
      expect(gw.kubeReads()).toEqual({
        'list daemonsets': 3,
        'list deployments': 3,
        'list pods': 3,
        'list replicasets': 3,
        'list statefulsets': 3,
      });
    });

    it('ask only the clusters and kinds the filter names', async () => {
      const { errors } = await gw.query(WORKLOADS, { filter: { clusters: ['staging'], kinds: ['DAEMONSET'] } });
      expect(errors).toBeUndefined();
      expect(gw.kubeReads()).toEqual({ 'list daemonsets': 1 });
      expect(gw.fleet.cluster('staging').counters.snapshot()).toMatchObject({ 'list daemonsets': 1 });
    });

    it('list namespaces once per cluster to find environments', async () => {
      const { errors } = await gw.query(WORKLOADS, { filter: { environments: ['acme:production'] } });
      expect(errors).toBeUndefined();
      // staging backs no acme:production: its workloads are not listed at all.
      expect(gw.kubeReads()).toEqual({ 'list namespaces': 3, 'list deployments': 2, 'list statefulsets': 2, 'list daemonsets': 2 });
      expect(Object.keys(gw.fleet.cluster('staging').counters.snapshot()).filter((request) => request.startsWith('list '))).toEqual(['list namespaces']);
    });

    it('cost nothing for bad input', async () => {
      const { errors } = await gw.query(WORKLOADS, { filter: { labelSelector: 'tier in (' } });
      expect(errors).toEqual(badInput(/^labelSelector: /));
      expect(gw.kubeRequests()).toEqual({});
    });
  });

  it.each<[string, Record<string, unknown>, RegExp]>([
    ['a labelSelector that does not parse', { filter: { labelSelector: 'tier in (a' } }, /^labelSelector: .*"tier in \(a"/],
    ['a labelSelector with an invalid key', { filter: { labelSelector: '-x=1' } }, /^labelSelector: .*invalid label key/],
    ['a cursor this API never gave out', { after: 'not-a-cursor' }, /^after: /],
    ['an unknown kind', { filter: { kinds: ['CRONJOB'] } }, /CRONJOB/],
    ['a field sorted twice', { sort: [{ field: 'NAME' }, { field: 'NAME', direction: 'DESC' }] }, /^sort: NAME is given more than once$/],
    ['a page too large', { first: 1001 }, /^first must be/],
  ])('answers %s with BAD_USER_INPUT', async (_what, variables, message) => {
    const { data, errors } = await gw.query<WorkloadsPage>(WORKLOADS, variables);
    expect(data?.workloads ?? null).toBeNull();
    expect(errors).toEqual(badInput(message));
  });

  it('refuses a cursor from another order', async () => {
    const first = await gw.query<WorkloadsPage>(WORKLOADS, { first: 2 });
    const { errors } = await gw.query<WorkloadsPage>(WORKLOADS, { first: 2, after: first.data?.workloads.pageInfo.endCursor, sort: [{ field: 'NAME' }] });
    expect(errors).toEqual(badInput(/different sort order/));
  });

  it("answers Cluster.workloads with that cluster's workloads", async () => {
    const { data, errors } = await gw.query<{ cluster: { workloads: { totalCount: number; nodes: { name: string }[] } } }>(
      '{ cluster(name: "staging") { workloads(filter: { kinds: [DAEMONSET] }, sort: [{ field: NAME, direction: DESC }]) { totalCount nodes { name } } } }',
    );
    expect(errors).toBeUndefined();
    expect(data?.cluster.workloads).toEqual({ totalCount: 2, nodes: [{ name: 'node-exporter' }, { name: 'kube-proxy' }] });
  });

  // Last: these change the fleet the tests above read.
  describe('as the fleet changes', () => {
    const statusOf = async (cluster: string, namespace: string, name: string) =>
      (await gw.query<{ workload: { status: string } | null }>('query($ref: WorkloadRef!) { workload(ref: $ref) { status } }', { ref: { cluster, namespace, kind: 'DEPLOYMENT', name } })).data?.workload?.status;
    // A change made in the cluster shows once its watch event has reached the gateway.
    const statusOnceChanged = (cluster: string, namespace: string, name: string, from = 'AVAILABLE') =>
      eventually(() => statusOf(cluster, namespace, name), (status) => status !== from);

    it('shows a deployment scaled to zero as SCALED_DOWN, and a paused one as PAUSED', async () => {
      const store = gw.fleet.cluster('staging').store;
      store.mutate(DEPLOYMENT, 'default', 'nginx', (d) => void (d.spec.replicas = 0));
      store.mutate(DEPLOYMENT, 'acme-staging', 'web', (d) => void (d.spec.paused = true));
      expect(await statusOnceChanged('staging', 'default', 'nginx')).toBe('SCALED_DOWN');
      expect(await statusOnceChanged('staging', 'acme-staging', 'web')).toBe('PAUSED');
    });

    it('shows a rollout that cannot progress as PROGRESSING, then FAILED past its deadline', async () => {
      const store = gw.fleet.cluster('prod-us').store;
      store.mutate(DEPLOYMENT, 'acme-production', 'worker', (d) => {
        d.spec.progressDeadlineSeconds = 30;
        d.spec.template.spec.containers[0].image = 'acme/worker:broken-1';
      });
      expect(await statusOnceChanged('prod-us', 'acme-production', 'worker')).toBe('PROGRESSING');
      await eventually(() => statusOf('prod-us', 'acme-production', 'worker'), (s) => s === 'FAILED');
    });

    it('keeps a workload whose image does not parse', async () => {
      gw.fleet.cluster('prod-eu').store.create(DEPLOYMENT, {
        metadata: { name: 'odd', namespace: 'default', labels: { app: 'odd' } },
        spec: { replicas: 0, selector: { matchLabels: { app: 'odd' } }, template: { metadata: { labels: { app: 'odd' } }, spec: { containers: [{ name: 'odd', image: 'Acme/Odd:1' }] } } },
      });
      const { data, errors } = await eventually(
        () => gw.query<{ workloads: { nodes: unknown[] } }>('{ workloads(filter: { image: "odd" }) { nodes { name status containers { image imageRef { spec imageName tag version } } } } }'),
        (answer) => (answer.data?.workloads.nodes.length ?? 0) > 0,
      );
      expect(errors).toBeUndefined();
      expect(data?.workloads.nodes).toEqual([{ name: 'odd', status: 'SCALED_DOWN', containers: [{ image: 'Acme/Odd:1', imageRef: { spec: 'Acme/Odd:1', imageName: 'Acme/Odd:1', tag: '', version: null } }] }]);
    });

    describe('with a cluster down', () => {
      beforeAll(() => gw.down('prod-us'));
      afterAll(() => gw.fleet.cluster('prod-us').up());

      it("answers with the other clusters' workloads and one CLUSTER_UNAVAILABLE error", async () => {
        const { data, errors } = await gw.query<WorkloadsPage>('{ workloads(first: 1000) { totalCount nodes { id kind name namespace cluster { name } status createdAt pods { name } } } }');
        expect(errors).toEqual([expect.objectContaining({ extensions: expect.objectContaining({ code: 'CLUSTER_UNAVAILABLE', cluster: 'prod-us' }) })]);
        const clusters = data!.workloads.nodes.map((w) => w.cluster.name);
        expect(clusters).not.toContain('prod-us');
        // prod-eu gained `odd` above; the rest of the two clusters are whole.
        expect(data!.workloads.nodes.map(keyOf)).toEqual([...demoWorkloads('prod-eu'), 'prod-eu/default/DEPLOYMENT/odd', ...demoWorkloads('staging')].sort(byDefaultOrder));
        expect(data!.workloads.totalCount).toBe(22);
      });

      it('answers workload(ref) on it with null and the error', async () => {
        const { data, errors } = await gw.query('{ workload(ref: { cluster: "prod-us", namespace: "default", kind: DEPLOYMENT, name: "nginx" }) { name } }');
        expect(data?.workload).toBeNull();
        expect(errors).toEqual([expect.objectContaining({ extensions: expect.objectContaining({ code: 'CLUSTER_UNAVAILABLE', cluster: 'prod-us' }) })]);
      });
    });
  });
});

function byNamespace(a: string, b: string): number {
  const ns = (key: string) => key.split('/')[1]!;
  return ns(a) < ns(b) ? -1 : ns(a) > ns(b) ? 1 : 0;
}

/** cluster, namespace, kind in declared order, name: the gateway's default order of these keys */
function byDefaultOrder(a: string, b: string): number {
  const kinds = ['DEPLOYMENT', 'STATEFULSET', 'DAEMONSET'];
  const parts = (key: string): (string | number)[] => {
    const [cluster, namespace, kind, name] = key.split('/') as [string, string, string, string];
    return [cluster, namespace, kinds.indexOf(kind), name];
  };
  const [x, y] = [parts(a), parts(b)];
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return x[i]! < y[i]! ? -1 : 1;
  return 0;
}

describe('pagination over a fleet of 1,002 workloads', () => {
  let gw: TestGateway;
  beforeAll(async () => {
    gw = await startTestGateway({ clusters: 3, seed: { kind: 'generate', nodes: 3, namespaces: 4, deployments: 334, replicas: 0 }, speed: 20 });
  });
  afterAll(() => gw.stop());

  const inStore = () =>
    gw.fleet.clusters
      .flatMap((c) => c.store.list(DEPLOYMENT).map((d) => `${c.name}/${d.metadata.namespace}/DEPLOYMENT/${d.metadata.name}`))
      .sort(byDefaultOrder);

  it.each<[string, Record<string, unknown>[] | null, number]>([
    ['the default order', null, 100],
    ['name descending, then creation', [{ field: 'NAME', direction: 'DESC' }, { field: 'CREATED_AT' }], 500],
  ])('walks %s page by page with no duplicate and no gap', async (_what, sort, first) => {
    const seen: string[] = [];
    const ids = new Set<string>();
    let after: string | null = null;
    let pages = 0;
    let total = -1;
    do {
      const page = await workloadsPage(gw, { sort, first, after });
      total = page.totalCount;
      expect(page.nodes.length).toBe(page.pageInfo.hasNextPage ? first : total - seen.length);
      page.nodes.forEach((w) => ids.add(w.id));
      seen.push(...page.nodes.map(keyOf));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
      pages++;
    } while (after);
    expect(total).toBe(1002);
    expect(pages).toBe(Math.ceil(1002 / first));
    expect(ids.size).toBe(1002);
    expect(new Set(seen).size).toBe(1002);
    expect([...seen].sort(byDefaultOrder)).toEqual(inStore());
    if (!sort) expect(seen).toEqual(inStore());
  });
});
