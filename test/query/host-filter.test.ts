import type { HostRecord } from '../../src/model/records.js';
import { HOSTS_BY_CLUSTER_AND_NAME, hostMatcher, type HostFilter } from '../../src/query/host-filter.js';
import { sortBy } from '../../src/query/paginate.js';
import { podsOnHost } from '../../src/query/pods-by-host.js';

const host = (cluster: string, name: string, status: HostRecord['status'], labels: Record<string, string> = {}): HostRecord =>
  ({ cluster, name, status, labels }) as HostRecord;

const hosts = [
  host('prod-eu', 'node-1', 'CORDONED', { 'node-role.kubernetes.io/control-plane': '', zone: 'a' }),
  host('prod-eu', 'node-2', 'ACTIVE', { zone: 'b' }),
  host('staging', 'node-1', 'NOT_READY', { zone: 'a' }),
];

const names = (filter: HostFilter | null) => hosts.filter(hostMatcher(filter)).map((h) => `${h.cluster}/${h.name}`);

describe('hostMatcher', () => {
  it.each<[HostFilter | null, string[]]>([
    [null, ['prod-eu/node-1', 'prod-eu/node-2', 'staging/node-1']],
    [{}, ['prod-eu/node-1', 'prod-eu/node-2', 'staging/node-1']],
    [{ clusters: ['staging', 'nope'] }, ['staging/node-1']],
    [{ names: ['node-1'] }, ['prod-eu/node-1', 'staging/node-1']],
    [{ status: ['ACTIVE', 'NOT_READY'] }, ['prod-eu/node-2', 'staging/node-1']],
    [{ labelSelector: 'zone=a,!node-role.kubernetes.io/control-plane' }, ['staging/node-1']],
    [{ clusters: ['prod-eu'], names: ['node-1'], status: ['ACTIVE'] }, []],
    [{ clusters: null, names: null, status: null, labelSelector: null }, ['prod-eu/node-1', 'prod-eu/node-2', 'staging/node-1']],
  ])('filter %j passes %j', (filter, expected) => {
    expect(names(filter)).toEqual(expected);
  });

  it('refuses a selector that does not parse, as bad user input', () => {
    expect(() => hostMatcher({ labelSelector: 'zone in (a' })).toThrow(expect.objectContaining({ extensions: { code: 'BAD_USER_INPUT' }, message: expect.stringMatching(/^labelSelector: /) }));
  });
});

describe('HOSTS_BY_CLUSTER_AND_NAME', () => {
  it('orders by cluster, then name', () => {
    const shuffled = [hosts[2]!, hosts[1]!, hosts[0]!, host('prod-eu', 'node-10', 'ACTIVE')];
    expect(sortBy(shuffled, HOSTS_BY_CLUSTER_AND_NAME).map((h) => `${h.cluster}/${h.name}`)).toEqual(['prod-eu/node-1', 'prod-eu/node-10', 'prod-eu/node-2', 'staging/node-1']);
  });
});

describe('podsOnHost', () => {
  const pod = (name: string, nodeName?: string) => ({ metadata: { name }, spec: { nodeName, containers: [] } });
  const pods = [pod('a', 'n1'), pod('b', 'n2'), pod('c'), pod('d', 'n1')];

  it('finds the pods bound to a host, in list order, and none for a host without any', () => {
    expect(podsOnHost(pods, 'n1').map((p) => p.metadata?.name)).toEqual(['a', 'd']);
    expect(podsOnHost(pods, 'n3')).toEqual([]);
  });

  it('indexes a list once, however many hosts ask', () => {
    expect(podsOnHost(pods, 'n2')).toBe(podsOnHost(pods, 'n2'));
  });
});
