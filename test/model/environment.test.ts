import { environmentNamespace, groupEnvironments, hostNamesOf, parseEnvironmentName } from '../../src/model/environment.js';
import { fromGlobalId } from '../../src/model/ids.js';
import type { NamespaceRecord } from '../../src/model/records.js';

function ns(cluster: string, name: string, environment: string | null, hosts = '', createdAt: string | null = '2026-09-01T00:00:00Z'): NamespaceRecord {
  return {
    kind: 'Namespace',
    id: `${cluster}/${name}`,
    cluster,
    name,
    phase: 'Active',
    labels: {},
    annotations: hosts ? { 'fleetgraph.io/host-names': hosts } : {},
    environment,
    createdAt: createdAt === null ? null : new Date(createdAt),
  };
}

describe('environment names', () => {
  it.each([
    ['acme:production', { org: 'acme', env: 'production' }],
    ['a1:b-2', { org: 'a1', env: 'b-2' }],
    ['acme', undefined],
    ['acme:', undefined],
    [':prod', undefined],
    ['Acme:prod', undefined],
    ['acme:prod:eu', undefined],
    ['acme-:prod', undefined],
    [`${'a'.repeat(40)}:${'b'.repeat(23)}`, undefined],
  ])('%s parses as %j', (name, expected) => {
    expect(parseEnvironmentName(name)).toEqual(expected);
  });

  it('maps org:env to the namespace org-env', () => {
    expect(environmentNamespace('acme:staging')).toBe('acme-staging');
  });

  it.each([
    [{ 'fleetgraph.io/host-names': 'a b' }, ['a', 'b']],
    [{ 'fleetgraph.io/host-names': '  a   b\tc ' }, ['a', 'b', 'c']],
    [{ 'fleetgraph.io/host-names': '' }, []],
    [{}, []],
  ])('reads host names from %j', (annotations, expected) => {
    expect(hostNamesOf(annotations)).toEqual(expected);
  });
});

describe('groupEnvironments', () => {
  it('makes one environment of the namespaces of one name across clusters', () => {
    const found = groupEnvironments([
      ns('prod-us', 'acme-production', 'acme:production', 'prod-us.acme.example', '2026-09-02T00:00:00Z'),
      ns('prod-eu', 'acme-production', 'acme:production', 'prod-eu.acme.example www.acme.example', '2026-09-01T00:00:00Z'),
    ]);
    expect(found).toEqual([
      {
        kind: 'Environment',
        id: expect.any(String),
        name: 'acme:production',
        namespace: 'acme-production',
        clusters: ['prod-eu', 'prod-us'],
        hostNames: ['prod-eu.acme.example', 'prod-us.acme.example', 'www.acme.example'],
        createdAt: new Date('2026-09-01T00:00:00Z'),
      },
    ]);
    expect(fromGlobalId(found[0]!.id)).toEqual({ type: 'Environment', parts: ['acme:production'] });
  });

  interface Case {
    title: string;
    namespaces: NamespaceRecord[];
    /** name → clusters */
    expected: Record<string, string[]>;
  }
  it.each<Case>([
    { title: 'no environments', namespaces: [ns('c1', 'default', null), ns('c1', 'kube-system', null)], expected: {} },
    {
      title: 'sorted by name',
      namespaces: [ns('c1', 'globex-production', 'globex:production'), ns('c1', 'acme-staging', 'acme:staging'), ns('c2', 'acme-production', 'acme:production')],
      expected: { 'acme:production': ['c2'], 'acme:staging': ['c1'], 'globex:production': ['c1'] },
    },
    {
      title: 'a namespace not named org-env left out',
      namespaces: [ns('c1', 'acme-production', 'acme:production'), ns('c2', 'prod', 'acme:production')],
      expected: { 'acme:production': ['c1'] },
    },
    { title: 'a name not of the org:env form left out', namespaces: [ns('c1', 'acme', 'acme')], expected: {} },
    {
      title: 'one cluster counted once',
      namespaces: [ns('c2', 'acme-production', 'acme:production'), ns('c1', 'acme-production', 'acme:production'), ns('c2', 'acme-production', 'acme:production')],
      expected: { 'acme:production': ['c1', 'c2'] },
    },
  ])('$title', ({ namespaces, expected }) => {
    const found = groupEnvironments(namespaces);
    expect(Object.fromEntries(found.map((env) => [env.name, env.clusters]))).toEqual(expected);
    expect(found.map((env) => env.name)).toEqual(Object.keys(expected).sort());
  });

  it('unions and de-duplicates host names, sorted', () => {
    const [env] = groupEnvironments([ns('c1', 'a-b', 'a:b', 'z.example a.example'), ns('c2', 'a-b', 'a:b', 'a.example m.example')]);
    expect(env!.hostNames).toEqual(['a.example', 'm.example', 'z.example']);
  });

  it.each([
    [['2026-09-03T00:00:00Z', null, '2026-09-02T00:00:00Z'], new Date('2026-09-02T00:00:00Z')],
    [[null, null], null],
  ])('takes the earliest createdAt of %j', (dates, expected) => {
    const [env] = groupEnvironments(dates.map((d, i) => ns(`c${i}`, 'a-b', 'a:b', '', d)));
    expect(env!.createdAt).toEqual(expected);
  });
});
