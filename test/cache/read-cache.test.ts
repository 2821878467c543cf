// Queries served from the watch cache, against the simulator: what they cost the clusters,
// how fresh they are (outside changes, the gateway's own writes), and what they answer while
// a cluster's watch is cut or the cluster is down.
import type { ResourceChange } from '../../src/events/index.js';
import { resourceByKind } from '../../src/sim/resources.js';
import { startTestGateway, type TestGateway } from '../support/gateway.js';
import { subscribe, wsClient } from '../support/subscriptions.js';
import { eventually, until } from '../support/wait.js';

const DEPLOYMENT = resourceByKind('Deployment');
const WORKLOADS = `{ workloads(first: 1000) { nodes { name namespace replicas cluster { name } pods { name host { name } } } } }`;
type Workloads = { workloads: { nodes: { name: string; namespace: string; replicas: number; cluster: { name: string }; pods: { name: string; host: { name: string } | null }[] }[] } };

/** The kube requests a step made, watches left out: they are the cache's upkeep (one resumes whenever the server ends it), not the step's cost. */
async function listsDuring(gw: TestGateway, step: () => Promise<unknown>): Promise<Record<string, number>> {
  gw.resetCounters();
  await step();
  return Object.fromEntries(Object.entries(gw.kubeRequests()).filter(([request]) => !request.startsWith('watch ')));
}

describe('a warm cache', () => {
  let gw: TestGateway;
  beforeAll(async () => {
    gw = await startTestGateway({ clusters: 2, seed: 'demo', speed: 20 });
  });
  afterAll(() => gw.stop());

  it('lists each kind of each cluster once for concurrent cold queries, then costs nothing', async () => {
    const cold = await listsDuring(gw, () => Promise.all([1, 2, 3, 4, 5].map(() => gw.query<Workloads>(WORKLOADS))));
    // Five queries at once, one list per kind per cluster: the watch's own list, shared.
    const kinds = ['daemonsets', 'deployments', 'nodes', 'pods', 'replicasets', 'statefulsets'];
    expect(cold).toEqual(Object.fromEntries(kinds.map((kind) => [`list ${kind}`, 2])));
    for (let i = 0; i < 5; i++) {
      let answer: Awaited<ReturnType<typeof gw.query<Workloads>>> | undefined;
      expect(await listsDuring(gw, async () => (answer = await gw.query<Workloads>(WORKLOADS)))).toEqual({});
      expect(answer!.errors).toBeUndefined();
      expect(answer!.data!.workloads.nodes.length).toBeGreaterThan(0);
    }
  });

  it('shows a change made outside the gateway in the next query after its watch event', async () => {
    await gw.query(WORKLOADS);
    const store = gw.fleet.cluster(gw.fleet.clusters[0]!.name).store;
    const [target] = store.list(DEPLOYMENT);
    const { namespace, name } = target!.metadata;
    for (let i = 0; i < 10; i++) {
      const replicas = 20 + i;
      const seen = new Promise<void>((resolve) => {
        const stop = gw.resourceEvents.subscribe({ cluster: gw.fleet.clusters[0]!.name, kind: 'Deployment' }, (change: ResourceChange) => {
          if (change.name === name && (change.object as { spec?: { replicas?: number } }).spec?.replicas === replicas) {
            stop();
            resolve();
          }
        });
      });
      store.mutate(DEPLOYMENT, namespace, name, (d) => void (d.spec.replicas = replicas));
      await seen;
      const { data } = await gw.query<Workloads>(WORKLOADS);
      expect(data!.workloads.nodes.find((w) => w.name === name && w.namespace === namespace)?.replicas).toBe(replicas);
    }
  });

  it("shows the gateway's own write to the very next query, from another caller too", async () => {
    const cluster = gw.fleet.clusters[1]!.name;
    const [target] = gw.fleet.cluster(cluster).store.list(DEPLOYMENT);
    const { namespace, name } = target!.metadata;
    await gw.query(WORKLOADS);
    for (let i = 0; i < 20; i++) {
      const replicas = 1 + (i % 4);
      const scaled = await gw.query<{ scaleWorkload: { replicas: number } }>(
        `mutation($input: ScaleWorkloadInput!) { scaleWorkload(input: $input) { replicas } }`,
        { input: { replicas, workload: { cluster, kind: 'DEPLOYMENT', namespace, name } } },
      );
      expect(scaled.errors).toBeUndefined();
      const { data } = await gw.query<Workloads>(WORKLOADS);
      expect(data!.workloads.nodes.find((w) => w.cluster.name === cluster && w.name === name && w.namespace === namespace)?.replicas).toBe(replicas);
    }
  });
});

describe('subscriptions', () => {
  let gw: TestGateway;
  beforeAll(async () => {
    gw = await startTestGateway({ clusters: 1, seed: 'demo', speed: 20 });
  });
  afterAll(() => gw.stop());

  it("resolve an event's nested fields from the cache: a scale burst costs the cluster no list", async () => {
    const cluster = gw.fleet.clusters[0]!.name;
    const store = gw.fleet.cluster(cluster).store;
    const [target] = store.list(DEPLOYMENT).filter((d) => (d.spec.replicas ?? 1) > 0);
    const { namespace, name } = target!.metadata;
    // Warm: the pods and nodes the nested fields read.
    await gw.query(`{ hosts { totalCount nodes { podCount } } }`);
    const client = wsClient(gw.url);
    const subscribers = [1, 2, 3, 4, 5].map(() =>
      subscribe<{ resourceChanged: { type: string; resource: { host?: { name: string; podCount: number } | null } | null } }>(
        client,
        `subscription { resourceChanged(filter: { kinds: [POD] }) { type resource { ... on Pod { host { name podCount } } } } }`,
      ),
    );
    try {
      await until(() => gw.resourceEvents.streams().some((s) => s.kind === 'Pod' && s.subscribers >= 2), 'the subscriptions to start');
      gw.resetCounters();
      store.mutate(DEPLOYMENT, namespace, name, (d) => void (d.spec.replicas = (d.spec.replicas ?? 1) + 3));
      for (const subscriber of subscribers) await subscriber.until((results) => results.filter((r) => r.data?.resourceChanged.type === 'ADDED').length >= 3, 10_000);
      expect(subscribers.flatMap((s) => s.results.filter((r) => r.errors))).toEqual([]);
      expect(gw.kubeReads()).toEqual({});
    } finally {
      subscribers.forEach((s) => s.unsubscribe());
      await client.dispose();
    }
  });
});

describe('a cluster whose watch is cut, or which goes down', () => {
  let gw: TestGateway;
  beforeAll(async () => {
    gw = await startTestGateway({ clusters: 2, seed: 'demo', speed: 20 });
  });
  afterAll(() => gw.stop());

  const replicasOf = async (cluster: string, namespace: string | undefined, name: string) => {
    const { data } = await gw.query<Workloads>(WORKLOADS);
    return data!.workloads.nodes.find((w) => w.cluster.name === cluster && w.namespace === namespace && w.name === name)?.replicas;
  };

  it('catches up on what changed while its watch was cut, and lists nothing to do so unless the version expired', async () => {
    const cluster = gw.fleet.clusters[0]!.name;
    const sim = gw.fleet.cluster(cluster);
    const [target] = sim.store.list(DEPLOYMENT);
    const { namespace, name } = target!.metadata;
    await gw.query(WORKLOADS);
    for (let i = 0; i < 5; i++) {
      sim.cutWatches();
      sim.store.mutate(DEPLOYMENT, namespace, name, (d) => void (d.spec.replicas = 30 + i));
      expect(await eventually(() => replicasOf(cluster, namespace, name), (r) => r === 30 + i)).toBe(30 + i);
    }
  });

  it('answers CLUSTER_UNAVAILABLE for it while down, never its last cached state, and recovers by itself', async () => {
    const cluster = gw.fleet.clusters[1]!.name;
    const sim = gw.fleet.cluster(cluster);
    await gw.query(WORKLOADS);
    await sim.down();
    try {
      const answer = await eventually(
        () => gw.query<Workloads>(WORKLOADS),
        ({ errors }) => (errors ?? []).some((e) => e.extensions?.cluster === cluster),
      );
      expect(answer.errors).toEqual([expect.objectContaining({ extensions: { code: 'CLUSTER_UNAVAILABLE', cluster } })]);
      expect(answer.data!.workloads.nodes.filter((w) => w.cluster.name === cluster)).toEqual([]);
      expect(answer.data!.workloads.nodes.length).toBeGreaterThan(0);
    } finally {
      await sim.up();
    }
    await eventually(
      () => gw.query<Workloads>(WORKLOADS),
      ({ errors, data }) => errors === undefined && data!.workloads.nodes.some((w) => w.cluster.name === cluster),
    );
    // Back to the cache: a query costs the cluster nothing once its watch is up again.
    await until(() => gw.resourceEvents.streams().filter((s) => s.cluster === cluster).every((s) => s.state.phase === 'watching'), 'the watches to reconnect');
    expect(await listsDuring(gw, () => gw.query(WORKLOADS))).toEqual({});
  });
});

describe('an idle cache', () => {
  it('lets a (cluster, kind) go after CACHE_IDLE_SECONDS without reads', async () => {
    const gw = await startTestGateway({ clusters: 1, seed: 'demo', cacheIdleSeconds: 1 });
    try {
      await gw.query(`{ hosts { totalCount } }`);
      const held = () => gw.resourceEvents.streams().find((s) => s.kind === 'Node')?.subscribers ?? 0;
      expect(held()).toBe(1);
      await until(() => held() === 0, 'the cache to release the node stream', 10_000);
    } finally {
      await gw.stop();
    }
  });
});
