// Hosts, their pods and the clusters' namespaces, end to end against the demo fleet.
import { resourceByKind } from '../../src/sim/resources.js';
import type { KubeObject } from '../../src/sim/objects.js';
import { startTestGateway, type TestGateway } from '../support/gateway.js';
import { eventually } from '../support/wait.js';

const NODE = resourceByKind('Node');
const POD = resourceByKind('Pod');

interface HostRow {
  cluster: { name: string };
  name: string;
  status: string;
}

const ALL_HOSTS = [
  ...['prod-eu', 'prod-us'].flatMap((c) => [1, 2, 3, 4].map((i) => `${c}/${c}-node-${i}`)),
  ...[1, 2, 3].map((i) => `staging/staging-node-${i}`),
];

const HOSTS = 'query($filter: HostFilter, $first: Int, $after: String) { hosts(filter: $filter, first: $first, after: $after) { totalCount nodes { name status cluster { name } } edges { cursor } pageInfo { hasNextPage endCursor } } }';

interface HostsPage {
  hosts: { totalCount: number; nodes: HostRow[]; edges: { cursor: string }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
}

const keyOf = (h: HostRow) => `${h.cluster.name}/${h.name}`;

describe('hosts of a steady fleet', () => {
  let gw: TestGateway;
  beforeAll(async () => {
    gw = await startTestGateway({ clusters: 3, seed: 'demo', speed: 20 });
    // Every pod created and running, so pod lists hold still while tests compare them.
    const pods = () => gw.fleet.clusters.flatMap((c) => c.store.list(POD));
    await eventually(pods, (all) => all.length > 0 && all.every((p) => p.status?.phase === 'Running'));
  });
  afterAll(() => gw.stop());

  it('lists every host of the fleet, by cluster then name', async () => {
    const { data, errors } = await gw.query<HostsPage>(HOSTS);
    expect(errors).toBeUndefined();
    expect(data?.hosts.nodes.map(keyOf)).toEqual(ALL_HOSTS);
    expect(data?.hosts.totalCount).toBe(11);
    expect(new Set(data?.hosts.nodes.map((h) => h.status))).toEqual(new Set(['ACTIVE']));
  });

  it.each<[string, Record<string, unknown>, string[]]>([
    ['clusters', { clusters: ['staging'] }, ALL_HOSTS.filter((h) => h.startsWith('staging/'))],
    ['names', { names: ['prod-us-node-2', 'staging-node-3'] }, ['prod-us/prod-us-node-2', 'staging/staging-node-3']],
    ['status', { status: ['CORDONED', 'NOT_READY'] }, []],
    ['labelSelector', { labelSelector: 'node-role.kubernetes.io/control-plane' }, ['prod-eu/prod-eu-node-1', 'prod-us/prod-us-node-1', 'staging/staging-node-1']],
    ['every criterion', { clusters: ['prod-eu'], status: ['ACTIVE'], labelSelector: 'topology.kubernetes.io/zone=zone-b' }, ['prod-eu/prod-eu-node-2']],
  ])('filters by %s', async (_what, filter, expected) => {
    const { data, errors } = await gw.query<HostsPage>(HOSTS, { filter });
    expect(errors).toBeUndefined();
    expect(data?.hosts.nodes.map(keyOf)).toEqual(expected);
    expect(data?.hosts.totalCount).toBe(expected.length);
  });

  it.each([
    ['a labelSelector that does not parse', { labelSelector: 'zone in (a' }, /^labelSelector: /],
    ['an unknown status', { status: ['RUNNING'] }, /RUNNING/],
  ])('answers %s with BAD_USER_INPUT', async (_what, filter, message) => {
    const { data, errors } = await gw.query<HostsPage>(HOSTS, { filter });
    expect(data?.hosts ?? null).toBeNull();
    expect(errors).toEqual([expect.objectContaining({ message: expect.stringMatching(message), extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }) })]);
  });

  it('pages through the hosts without gaps or repeats', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 10; page++) {
      const { data }: { data?: HostsPage | null } = await gw.query<HostsPage>(HOSTS, { first: 4, after });
      seen.push(...data!.hosts.nodes.map(keyOf));
      expect(data!.hosts.totalCount).toBe(11);
      expect(data!.hosts.pageInfo.endCursor).toBe(data!.hosts.edges.at(-1)?.cursor ?? null);
      if (!data!.hosts.pageInfo.hasNextPage) break;
      after = data!.hosts.pageInfo.endCursor;
    }
    expect(seen).toEqual(ALL_HOSTS);
  });

  it('maps the fields of a host', async () => {
    const { data, errors } = await gw.query<{ cluster: { hosts: Record<string, unknown>[] } }>(
      `{ cluster(name: "prod-eu") { hosts(filter: { names: ["prod-eu-node-1"] }) {
          id name cluster { name } address status ready unschedulable roles labels { key value }
          os osImage kernelVersion kubeletVersion containerRuntime cpus memoryBytes podCount lastHeartbeatAt
          conditions { type status reason message lastTransitionAt } pods { name }
      } } }`,
    );
    expect(errors).toBeUndefined();
    const [host] = data!.cluster.hosts;
    expect(host).toEqual({
      id: expect.any(String),
      name: 'prod-eu-node-1',
      cluster: { name: 'prod-eu' },
      address: '10.0.0.11',
      status: 'ACTIVE',
      ready: true,
      unschedulable: false,
      roles: ['control-plane'],
      labels: expect.arrayContaining([{ key: 'topology.kubernetes.io/zone', value: 'zone-a' }]),
      os: 'linux',
      osImage: 'Ubuntu 24.04.1 LTS',
      kernelVersion: '6.8.0-45-generic',
      kubeletVersion: 'v1.32.4',
      containerRuntime: 'containerd://1.7.22',
      cpus: 2,
      memoryBytes: 8 * 2 ** 30,
      podCount: (host!.pods as unknown[]).length,
      lastHeartbeatAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      conditions: ['MemoryPressure', 'DiskPressure', 'PIDPressure', 'Ready'].map((type) => ({
        type,
        status: type === 'Ready' ? 'True' : 'False',
        reason: expect.any(String),
        message: expect.any(String),
        lastTransitionAt: expect.any(String),
      })),
      pods: expect.any(Array),
    });
    const keys = (host!.labels as { key: string }[]).map((l) => l.key);
    expect(keys).toEqual([...keys].sort());
  });

  it("gives each host the pods bound to it, each pod its host, and costs one node and one pod list a cluster", async () => {
    await gw.coldCache();
    const { data, errors } = await gw.query<{ clusters: { name: string; hosts: { name: string; podCount: number; pods: { name: string; namespace: string; host: { name: string } | null; cluster: { name: string } }[] }[] }[] }>(
      '{ clusters { name hosts { name podCount pods { name namespace host { name } cluster { name } } } } }',
    );
    expect(errors).toBeUndefined();
    expect(gw.kubeReads()).toEqual({ 'list nodes': 3, 'list pods': 3 });
    for (const cluster of data!.clusters) {
      const store = gw.fleet.cluster(cluster.name).store;
      for (const host of cluster.hosts) {
        const bound = store.list(POD, { filter: (p: KubeObject) => p.spec?.nodeName === host.name }).map((p) => `${p.metadata.namespace}/${p.metadata.name}`);
        expect(host.pods.map((p) => `${p.namespace}/${p.name}`).sort()).toEqual(bound.sort());
        expect(host.podCount).toBe(bound.length);
        expect(new Set(host.pods.map((p) => `${p.cluster.name}/${p.host?.name}`))).toEqual(host.pods.length ? new Set([`${cluster.name}/${host.name}`]) : new Set());
      }
    }
  });

  it.each([
    ['{ clusters { hosts { pods { name } } } }', { 'list nodes': 3, 'list pods': 3 }],
    // The status probe adds /version and shares the node list with hosts.
    ['{ clusters { status hostCounts { total } hosts { podCount pods { name } } } }', { 'get version': 3, 'list nodes': 3, 'list pods': 3 }],
  ])('costs one node and one pod list a cluster for %s, then only what the cache does not hold', async (query, requests) => {
    await gw.coldCache();
    const { errors } = await gw.query(query);
    expect(errors).toBeUndefined();
    expect(gw.kubeReads()).toEqual(requests);
    gw.resetCounters();
    expect((await gw.query(query)).errors).toBeUndefined();
    expect(gw.kubeReads()).toEqual(Object.fromEntries(Object.entries(requests).filter(([request]) => !request.startsWith('list '))));
  });

  it("lists a cluster's namespaces", async () => {
    const { data, errors } = await gw.query<{ cluster: { namespaces: { name: string; phase: string; cluster: { name: string }; labels: { key: string; value: string }[]; createdAt: string | null; id: string }[] } }>(
      '{ cluster(name: "prod-eu") { namespaces { id name phase cluster { name } labels { key value } createdAt } } }',
    );
    expect(errors).toBeUndefined();
    const namespaces = data!.cluster.namespaces;
    expect(namespaces.map((n) => n.name)).toEqual(['acme-production', 'default', 'globex-production', 'kube-node-lease', 'kube-public', 'kube-system', 'monitoring']);
    expect(namespaces.find((n) => n.name === 'acme-production')).toEqual({
      id: expect.any(String),
      name: 'acme-production',
      phase: 'Active',
      cluster: { name: 'prod-eu' },
      labels: expect.arrayContaining([{ key: 'fleetgraph.io/environment', value: 'true' }]),
      createdAt: expect.any(String),
    });
  });

  it("answers with the other clusters' hosts, and one CLUSTER_UNAVAILABLE, while a cluster is down", async () => {
    await gw.fleet.cluster('prod-us').down();
    try {
      // Once its watch has noticed; until then the cache answers what the watch last said.
      const { data, errors } = await eventually(() => gw.query<{ clusters: { name: string; hosts: { name: string; pods: unknown[] }[] }[] } & HostsPage>(
        `{ clusters { name hosts { name pods { name } } } hosts { totalCount nodes { name status cluster { name } } edges { cursor } pageInfo { hasNextPage endCursor } } }`,
      ), (answer) => (answer.errors ?? []).length > 0);
      expect(data!.clusters.map((c) => [c.name, c.hosts.length])).toEqual([
        ['prod-eu', 4],
        ['prod-us', 0],
        ['staging', 3],
      ]);
      expect(data!.hosts.nodes.map(keyOf)).toEqual(ALL_HOSTS.filter((h) => !h.startsWith('prod-us/')));
      expect(errors).toEqual([expect.objectContaining({ extensions: { code: 'CLUSTER_UNAVAILABLE', cluster: 'prod-us' } })]);
    } finally {
      await gw.fleet.cluster('prod-us').up();
    }
  });
});

describe('host statuses', () => {
  let gw: TestGateway;
  // speed 1: a rebooting node stays down for the simulator's 15 s, well past this test.
  beforeAll(async () => {
    gw = await startTestGateway({ clusters: ['prod-eu'], seed: 'demo' });
  });
  afterAll(() => gw.stop());

  const store = () => gw.fleet.cluster('prod-eu').store;
  const edit = (name: string, change: (node: KubeObject) => void) => store().mutate(NODE, undefined, name, change);
  const setReady = (name: string, status: string) =>
    store().mutate(
      NODE,
      undefined,
      name,
      (node) => {
        const ready = node.status.conditions.find((c: { type: string }) => c.type === 'Ready');
        Object.assign(ready, { status, reason: 'Test', message: `set to ${status} by the test` });
      },
      { subresource: 'status' },
    );

  it('follows cordoning, readiness and restarts as the kubelet and operations leave them', async () => {
    edit('prod-eu-node-1', (n) => (n.spec.unschedulable = true));
    setReady('prod-eu-node-2', 'False');
    setReady('prod-eu-node-3', 'Unknown');
    // What a host-restart operation does: cordon, mark the node as its own, ask for the reboot.
    edit('prod-eu-node-4', (n) => {
      n.spec.unschedulable = true;
      n.metadata.annotations = { ...n.metadata.annotations, 'fleetgraph.io/restart-operation': 'op-1', 'fleetgraph.io/reboot-requested': 'op-1' };
    });
    const statuses = async () => {
      const { data } = await gw.query<HostsPage>(HOSTS);
      return Object.fromEntries(data!.hosts.nodes.map((h) => [h.name, h.status]));
    };
    const expected = { 'prod-eu-node-1': 'CORDONED', 'prod-eu-node-2': 'NOT_READY', 'prod-eu-node-3': 'UNKNOWN', 'prod-eu-node-4': 'RESTARTING' };
    // The simulated kubelet takes node-4 down asynchronously; wait for it rather than for time.
    await eventually(statuses, (found) => JSON.stringify(found) === JSON.stringify(expected));
    const rebooting = store().get(NODE, undefined, 'prod-eu-node-4')!;
    expect(rebooting.metadata.annotations?.['fleetgraph.io/reboot-requested']).toBeUndefined();

    const { data } = await gw.query<HostsPage>(HOSTS, { filter: { status: ['RESTARTING', 'UNKNOWN'] } });
    expect(data?.hosts.nodes.map((h) => h.name)).toEqual(['prod-eu-node-3', 'prod-eu-node-4']);
  });
});
