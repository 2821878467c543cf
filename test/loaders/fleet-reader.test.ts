// The per-request reader against simulated clusters, counting what each read costs them.
import { ClusterErrors } from '../../src/errors/index.js';
import { createClusterRegistry, embeddedSource } from '../../src/fleet/index.js';
import { createFleetReader, listAcross } from '../../src/loaders/index.js';
import { startSimFleet, type SimFleet } from '../../src/sim/fleet.js';

let fleet: SimFleet;
let registry: ReturnType<typeof createClusterRegistry>;

beforeAll(async () => {
  fleet = await startSimFleet({ clusters: 3 });
  registry = createClusterRegistry({ sources: [embeddedSource(fleet.kubeconfig(), { timeoutMs: 1000 })] });
});
beforeEach(() => fleet.clusters.forEach((c) => c.counters.reset()));
afterEach(() => fleet.clusters.forEach((c) => c.faults.clear()));
afterAll(() => fleet.stop());

const lists = (cluster: string) => Object.fromEntries(Object.entries(fleet.cluster(cluster).counters.snapshot()).filter(([k]) => k.startsWith('list')));

describe('createFleetReader', () => {
  it('lists each kind of a cluster once however often it is asked', async () => {
    const reader = createFleetReader({ registry });
    await Promise.all([reader.list('prod-eu', 'Pod'), reader.list('prod-eu', 'Pod'), reader.get('prod-eu', 'Node', 'prod-eu-node-2')]);
    await reader.get('prod-eu', 'Node', 'prod-eu-node-3');
    await reader.list('prod-eu', 'Pod', 'monitoring');
    expect(lists('prod-eu')).toEqual({ 'list nodes': 1, 'list pods': 1 });
  });

  it('lists one namespace when one is asked for, and every namespace once when several are', async () => {
    const reader = createFleetReader({ registry });
    const one = await reader.list('prod-us', 'Deployment', 'monitoring');
    expect(one.map((d) => d.metadata?.name)).toEqual(['grafana']);
    const [a, b] = await Promise.all([reader.list('prod-eu', 'Deployment', 'monitoring'), reader.list('prod-eu', 'Deployment', 'kube-system')]);
    expect([a.map((d) => d.metadata?.name), b.map((d) => d.metadata?.name)]).toEqual([['grafana'], ['coredns']]);
    expect(lists('prod-us')).toEqual({ 'list deployments': 1 });
    expect(lists('prod-eu')).toEqual({ 'list deployments': 1 });
  });

  it('answers single objects from lists, and undefined for one that is not there', async () => {
    const reader = createFleetReader({ registry });
    await expect(reader.get('staging', 'Namespace', 'monitoring')).resolves.toMatchObject({ metadata: { name: 'monitoring' } });
    await expect(reader.get('staging', 'Namespace', 'nope')).resolves.toBeUndefined();
    expect(fleet.cluster('staging').counters.total('get')).toBe(0);
  });

  it('without batching, sends every read to the cluster', async () => {
    const reader = createFleetReader({ registry, batching: false });
    await Promise.all([reader.list('prod-eu', 'Pod'), reader.list('prod-eu', 'Pod'), reader.get('prod-eu', 'Node', 'prod-eu-node-2')]);
    expect(fleet.cluster('prod-eu').counters.snapshot()).toEqual({ 'get nodes': 1, 'list pods': 2 });
  });

  it('reports a failed cluster once and answers for the rest', async () => {
    await fleet.cluster('prod-us').down();
    try {
      const errors = new ClusterErrors();
      const reader = createFleetReader({ registry });
      const answered = await listAcross({ reader, clusterErrors: errors }, ['prod-eu', 'prod-us', 'staging'], 'Node');
      await listAcross({ reader, clusterErrors: errors }, ['prod-us'], 'Pod');
      expect(answered.map((a) => a.cluster)).toEqual(['prod-eu', 'staging']);
      expect(errors.list().map((e) => e.extensions)).toEqual([{ code: 'CLUSTER_UNAVAILABLE', cluster: 'prod-us' }]);
    } finally {
      await fleet.cluster('prod-us').up();
    }
  });
});
