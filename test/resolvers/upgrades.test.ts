// upgradeCandidates end to end against the demo fleet, whose `api` runs acme/api at
// 1.4.2_17_a1b2c3d4 in prod-eu, 1.4.1_16_9f8e7d6c in prod-us and 1.5.0-rc.1_18_b2c3d4e5 in staging.
import { startTestGateway, type TestGateway } from '../support/gateway.js';

const POSTED = 'acme/api:1.4.2_17_a1b2c3d4';

interface Comparison {
  workload: { name: string; namespace: string; kind: string; cluster: { name: string } };
  container: string;
  image: string;
  diff: string;
  comparedTo: string;
  reason: string | null;
}
type ListName = 'upgrade' | 'obsolete' | 'equal' | 'error';
type Plan = { cluster: { name: string }; failed: boolean; message: string | null } & Record<ListName, Comparison[]>;

const COMPARISON = '{ workload { name namespace kind cluster { name } } container image diff comparedTo reason }';
const CANDIDATES = `query($image: String!, $filter: [ImageField!], $clusters: [String!], $namespaces: [String!]) {
  upgradeCandidates(image: $image, filter: $filter, clusters: $clusters, namespaces: $namespaces) {
    cluster { name } failed message upgrade ${COMPARISON} obsolete ${COMPARISON} equal ${COMPARISON} error ${COMPARISON}
  }
}`;

/** Per plan: the cluster, and `failed` or each non-empty list as `namespace/name` entries. */
function summary(plans: Plan[]): Record<string, unknown>[] {
  return plans.map(({ cluster, failed, message, ...lists }) => {
    if (failed) return { cluster: cluster.name, failed, message };
    const entries = (Object.entries(lists) as [ListName, Comparison[]][]).filter(([, l]) => l.length > 0);
    return { cluster: cluster.name, ...Object.fromEntries(entries.map(([k, l]) => [k, l.map((c) => `${c.workload.namespace}/${c.workload.name}`)])) };
  });
}

describe('upgradeCandidates', () => {
  let gw: TestGateway;
  const candidates = (variables: Record<string, unknown>) => gw.query<{ upgradeCandidates: Plan[] }>(CANDIDATES, { image: POSTED, ...variables });

  beforeAll(async () => {
    gw = await startTestGateway({ clusters: 3, seed: 'demo', timeoutMs: 1000 });
  });
  afterAll(() => gw.stop());

  it('plans every cluster, in name order: an older build upgrades, the same commit is equal, a newer prerelease obsolete', async () => {
    const { data, errors } = await candidates({});
    expect(errors).toBeUndefined();
    const plans = data!.upgradeCandidates;
    expect(summary(plans)).toEqual([
      { cluster: 'prod-eu', equal: ['acme-production/api'] },
      { cluster: 'prod-us', upgrade: ['acme-production/api'] },
      { cluster: 'staging', obsolete: ['acme-staging/api'] },
    ]);
    expect(plans[1]).toEqual({
      cluster: { name: 'prod-us' },
      failed: false,
      message: null,
      upgrade: [
        {
          workload: { name: 'api', namespace: 'acme-production', kind: 'DEPLOYMENT', cluster: { name: 'prod-us' } },
          container: 'api',
          image: 'acme/api:1.4.1_16_9f8e7d6c',
          diff: 'UPGRADE',
          comparedTo: POSTED,
          reason: null,
        },
      ],
      obsolete: [],
      equal: [],
      error: [],
    });
  });

  it.each<[string, Record<string, unknown>, Record<string, unknown>[]]>([
    ['clusters', { clusters: ['staging', 'prod-us'] }, [{ cluster: 'prod-us', upgrade: ['acme-production/api'] }, { cluster: 'staging', obsolete: ['acme-staging/api'] }]],
    ['no clusters', { clusters: [] }, []],
    ['namespaces', { namespaces: ['acme-staging'] }, [{ cluster: 'prod-eu' }, { cluster: 'prod-us' }, { cluster: 'staging', obsolete: ['acme-staging/api'] }]],
    ['a filter naming COMMIT', { filter: ['IMAGE_NAME', 'COMMIT'] }, [{ cluster: 'prod-eu', equal: ['acme-production/api'] }, { cluster: 'prod-us' }, { cluster: 'staging' }]],
    [
      'an empty filter, which lets every image be compared',
      { filter: [], clusters: ['staging'], namespaces: ['acme-staging'] },
      [{ cluster: 'staging', obsolete: ['acme-staging/api'], error: ['acme-staging/postgres', 'acme-staging/web', 'acme-staging/worker'] }],
    ],
  ])('narrows by %s', async (_title, variables, expected) => {
    const { data, errors } = await candidates(variables);
    expect(errors).toBeUndefined();
    expect(summary(data!.upgradeCandidates)).toEqual(expected);
  });

  it('says why a container is ERROR', async () => {
    const { data } = await candidates({ filter: [], clusters: ['staging'], namespaces: ['acme-staging'] });
    expect(data!.upgradeCandidates[0]!.error[0]).toMatchObject({ image: 'postgres:16.4-alpine', diff: 'ERROR', reason: 'mismatched image names' });
  });

  it('considers StatefulSets and DaemonSets too', async () => {
    const { data } = await candidates({ image: 'quay.io/prometheus/node-exporter:v1.9.0', clusters: ['prod-eu'] });
    expect(data!.upgradeCandidates[0]!.upgrade.map((c) => c.workload.kind)).toEqual(['DAEMONSET']);
    const sts = await candidates({ image: 'postgres:16.5-alpine', clusters: ['prod-eu'] });
    expect(sts.data!.upgradeCandidates[0]!.upgrade.map((c) => `${c.workload.kind}/${c.workload.name}`)).toEqual(['STATEFULSET/postgres']);
  });

  it.each<[string, Record<string, unknown>, RegExp]>([
    ['an image that does not parse', { image: 'acme/API:1.0' }, /^image: invalid image reference "acme\/API:1.0"/],
    ['an image with an empty tag', { image: 'acme/api:' }, /^image: invalid image reference/],
    ['unknown clusters, naming them', { clusters: ['prod-eu', 'nope', 'gone'] }, /^clusters: no cluster named nope, gone$/],
  ])('refuses %s as BAD_USER_INPUT, reading no cluster', async (_title, variables, message) => {
    await gw.coldCache();
    const { data, errors } = await candidates(variables);
    expect(data).toBeNull();
    expect(errors).toEqual([expect.objectContaining({ message: expect.stringMatching(message), extensions: { code: 'BAD_USER_INPUT' } })]);
    expect(gw.kubeRequests()).toEqual({});
  });

  it('reads each kind of each cluster once, then from the cache', async () => {
    await gw.coldCache();
    await candidates({});
    expect(gw.kubeReads()).toEqual({ 'list daemonsets': 3, 'list deployments': 3, 'list statefulsets': 3 });
    gw.resetCounters();
    await candidates({});
    expect(gw.kubeReads()).toEqual({});
  });

  // The failure is data in the plan, not also a CLUSTER_UNAVAILABLE (see resolvers/upgrade.resolver.ts).
  it.each<[string, (gw: TestGateway) => Promise<() => Promise<void>>, RegExp]>([
    [
      'down',
      async (g) => {
        await g.down('staging');
        return () => g.fleet.cluster('staging').up();
      },
      /^cannot connect to the API server/,
    ],
    [
      'too slow',
      async (g) => {
        g.fleet.cluster('staging').faults.set({ latencyMs: 1500, match: { verb: 'list' } });
        // A slow cluster whose watch is up answers from the cache; a cold one must list, slowly.
        await g.coldCache();
        return async () => g.fleet.cluster('staging').faults.clear();
      },
      /^the API server did not answer within 1000 ms$/,
    ],
  ])('marks a cluster that is %s failed, with a message, and plans the others whole', async (_title, breakIt, message) => {
    const repair = await breakIt(gw);
    try {
      const { data, errors } = await candidates({});
      expect(errors).toBeUndefined();
      expect(summary(data!.upgradeCandidates)).toEqual([
        { cluster: 'prod-eu', equal: ['acme-production/api'] },
        { cluster: 'prod-us', upgrade: ['acme-production/api'] },
        { cluster: 'staging', failed: true, message: expect.stringMatching(message) },
      ]);
      expect(data!.upgradeCandidates[2]).toMatchObject({ upgrade: [], obsolete: [], equal: [], error: [] });
    } finally {
      await repair();
    }
  });
});
