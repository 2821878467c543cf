// CLUSTER_TIMEOUT_MS bounds the answer: a cluster slower than it is that cluster's error, given
// once the timeout has passed, never when the cluster would have answered, beside the data of
// the clusters that did answer.
import type { FaultSettings } from '../../src/sim/faults.js';
import { startTestGateway, type TestGateway } from '../support/gateway.js';

const TIMEOUT_MS = 500;
// Ten times the timeout: an answer that waited for the cluster would come this late.
const DELAY_MS = 5000;

let gateway: TestGateway;

beforeAll(async () => {
  gateway = await startTestGateway({ timeoutMs: TIMEOUT_MS });
});
afterEach(() => gateway.fleet.clusters.forEach((cluster) => cluster.faults.clear()));
afterAll(async () => {
  await gateway?.stop();
});

async function timed<T>(query: string) {
  const started = Date.now();
  const response = await gateway.query<T>(query);
  return { ...response, elapsed: Date.now() - started };
}

type Statuses = { clusters: { name: string; status: string; version: string | null; error: string | null }[] };

describe('Cluster.status', () => {
  it.each<[string, FaultSettings]>([
    ['slow on every request', { latencyMs: DELAY_MS }],
    ['slow only on GET, /version included', { latencyMs: DELAY_MS, match: { verb: 'get' } }],
    ['slow only on /version', { latencyMs: DELAY_MS, match: { resource: 'version' } }],
    ['stalling the body of every answer', { bodyLatencyMs: DELAY_MS }],
  ])('of a cluster %s is UNREACHABLE, told before the cluster would have answered', async (_how, faults) => {
    gateway.fleet.cluster('staging').faults.set(faults);
    const { data, errors, elapsed } = await timed<Statuses>('{ clusters { name status version error } }');
    expect(elapsed).toBeLessThan(DELAY_MS);
    expect(errors).toBeUndefined();
    expect(data!.clusters).toEqual([
      { name: 'prod-eu', status: 'OK', version: expect.stringMatching(/^v\d/), error: null },
      { name: 'prod-us', status: 'OK', version: expect.stringMatching(/^v\d/), error: null },
      { name: 'staging', status: 'UNREACHABLE', version: null, error: expect.stringContaining(`did not answer within ${TIMEOUT_MS} ms`) },
    ]);
  });
});

type Fleet = { clusters: { name: string; hosts: { name: string }[]; namespaces: { name: string }[]; workloads: { nodes: { name: string }[] } }[] };
const FLEET = '{ clusters { name hosts { name } namespaces { name } workloads(first: 1000) { nodes { name } } } }';

function clusterErrors(errors: readonly { message: string; extensions?: Record<string, unknown> }[] | undefined) {
  return (errors ?? []).map((e) => ({ code: e.extensions?.code, cluster: e.extensions?.cluster, message: e.message }));
}

describe('a query across the fleet', () => {
  it("answers the clusters that answered, and a cluster whose answers stall as that cluster's error", async () => {
    gateway.fleet.cluster('staging').faults.set({ bodyLatencyMs: DELAY_MS });
    // A slow cluster whose watches are up answers from the cache; a cold one must list, slowly.
    await gateway.coldCache();
    const { data, errors, elapsed } = await timed<Fleet>(FLEET);
    expect(elapsed).toBeLessThan(DELAY_MS);
    const byName = Object.fromEntries(data!.clusters.map((c) => [c.name, c]));
    for (const name of ['prod-eu', 'prod-us']) {
      expect(byName[name]!.hosts.length).toBeGreaterThan(0);
      expect(byName[name]!.workloads.nodes.length).toBeGreaterThan(0);
    }
    expect(byName['staging']).toMatchObject({ hosts: [], namespaces: [], workloads: { nodes: [] } });
    expect(clusterErrors(errors)).toEqual([{ code: 'CLUSTER_UNAVAILABLE', cluster: 'staging', message: expect.stringContaining(`did not answer within ${TIMEOUT_MS} ms`) }]);
  });
});
