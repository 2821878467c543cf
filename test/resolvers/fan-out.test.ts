// One question across every cluster: what a nested query costs the clusters, and what it
// answers when one cluster is down and another too slow.
import { startTestGateway, type TestGateway } from '../support/gateway.js';

const NESTED = `{
  clusters {
    name
    hosts { name pods { name } }
    workloads(first: 1000) { nodes { name pods { name host { name } } } }
  }
}`;

type Nested = { clusters: { name: string; hosts: { name: string; pods: { name: string }[] }[]; workloads: { nodes: { pods: { host: { name: string } | null }[] }[] } }[] };

const TIMEOUT_MS = 600;
let gateway: TestGateway;
let unbatched: TestGateway;

beforeAll(async () => {
  gateway = await startTestGateway({ speed: 20, timeoutMs: TIMEOUT_MS });
  unbatched = await startTestGateway({ speed: 20, timeoutMs: 5000, batching: false });
  // Every pod scheduled and running, so both gateways see the same settled fleet.
  const settled = async (g: TestGateway) => {
    for (let i = 0; i < 200; i++) {
      const { data } = await g.query<Nested>(NESTED);
      const pods = data!.clusters.flatMap((c) => c.workloads.nodes.flatMap((w) => w.pods));
      if (pods.length > 0 && pods.every((p) => p.host)) return;
      await new Promise((r) => setTimeout(r, 50));
    }
  };
  await Promise.all([settled(gateway), settled(unbatched)]);
});
afterAll(async () => {
  await gateway?.stop();
  await unbatched?.stop();
});

describe('a nested query over three clusters', () => {
  it('costs one list per kind per cluster, then nothing while the cache holds them', async () => {
    await gateway.coldCache();
    const { errors } = await gateway.query(NESTED);
    expect(errors).toBeUndefined();
    const lists = ['nodes', 'pods', 'deployments', 'statefulsets', 'daemonsets', 'replicasets'];
    expect(gateway.kubeReads()).toEqual(Object.fromEntries(lists.map((kind) => [`list ${kind}`, 3])));
    gateway.resetCounters();
    expect((await gateway.query(NESTED)).errors).toBeUndefined();
    expect(gateway.kubeReads()).toEqual({});
  });

  it('would cost many times more without loaders, for the same answer', async () => {
    const sum = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);
    await gateway.coldCache();
    const batched = await gateway.query<Nested>(NESTED);
    const withLoaders = sum(gateway.kubeReads());
    unbatched.resetCounters();
    const plain = await unbatched.query<Nested>(NESTED);
    const without = sum(unbatched.kubeRequests());
    // One list per host for its pods, one per workload for its pods and ReplicaSets, one GET per pod for its host.
    expect(without).toBeGreaterThanOrEqual(5 * withLoaders);
    const shape = (d: Nested) => d.clusters.map((c) => [c.name, c.hosts.length, c.workloads.nodes.length, c.hosts.flatMap((h) => h.pods).length]);
    expect(shape(plain.data!)).toEqual(shape(batched.data!));
  });
});

describe('with one cluster down and another slower than the timeout', () => {
  beforeAll(async () => {
    await gateway.fleet.cluster('prod-us').down();
    gateway.fleet.cluster('staging').faults.set({ latencyMs: TIMEOUT_MS * 3 });
    // A slow cluster whose watch is up answers from the cache; a cold one must list, slowly.
    await gateway.coldCache();
  });
  afterAll(async () => {
    await gateway.fleet.cluster('prod-us').up();
    gateway.fleet.cluster('staging').faults.clear();
  });

  it('answers in full for the rest, names the two clusters, and returns within the timeout', async () => {
    const started = Date.now();
    const { data, errors } = await gateway.query<Nested>(NESTED);
    const elapsed = Date.now() - started;
    expect(elapsed).toBeLessThan(TIMEOUT_MS * 2);

    const byName = Object.fromEntries(data!.clusters.map((c) => [c.name, c]));
    expect(byName['prod-eu']!.hosts).toHaveLength(4);
    expect(byName['prod-eu']!.workloads.nodes.length).toBeGreaterThan(5);
    for (const name of ['prod-us', 'staging']) {
      expect(byName[name]).toMatchObject({ hosts: [], workloads: { nodes: [] } });
    }
    const failures = (errors ?? []).map((e) => ({ code: e.extensions?.code, cluster: e.extensions?.cluster, message: e.message }));
    expect(failures).toEqual(
      expect.arrayContaining([
        { code: 'CLUSTER_UNAVAILABLE', cluster: 'prod-us', message: expect.stringContaining('ECONNREFUSED') },
        { code: 'CLUSTER_UNAVAILABLE', cluster: 'staging', message: expect.stringContaining(`within ${TIMEOUT_MS} ms`) },
      ]),
    );
    expect(failures).toHaveLength(2);
  });
});
