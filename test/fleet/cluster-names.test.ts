import { BadUserInputError, NotFoundError } from '../../src/errors/index.js';
import { createClusterRegistry, requireCluster, resolveClusterNames, resolveClusters } from '../../src/fleet/index.js';
import type { ClusterClient } from '../../src/kube/index.js';

const client = (name: string) => ({ name, server: `https://${name}` }) as ClusterClient;
const registry = createClusterRegistry({ sources: [{ source: 'EMBEDDED', clusters: ['c', 'a', 'b'].map((name) => ({ client: client(name) })) }] });
const KNOWN = ['a', 'b', 'c'];

describe('resolveClusters', () => {
  it.each<[string, readonly string[] | null | undefined, 'known' | 'given' | undefined, string[]]>([
    ['none named: every known one', null, undefined, ['a', 'b', 'c']],
    ['undefined: every known one', undefined, 'given', ['a', 'b', 'c']],
    ['named, in the known order', ['c', 'a', 'c'], undefined, ['a', 'c']],
    ['named, in the order given, duplicates dropped', ['c', 'a', 'c'], 'given', ['c', 'a']],
    ['an empty list: none', [], undefined, []],
  ])('%s', (_what, names, order, expected) => {
    expect(resolveClusters({ known: registry.list(), names, field: 'clusters', order }).map((c) => c.name)).toEqual(expected);
    expect(resolveClusterNames({ known: KNOWN, names, field: 'clusters', order })).toEqual(expected);
  });

  it('refuses with BAD_USER_INPUT naming the field and every unknown cluster once', () => {
    const refusal = new BadUserInputError('filter.clusters: no cluster named x, y');
    expect(() => resolveClusters({ known: registry.list(), names: ['a', 'x', 'y', 'x'], field: 'filter.clusters' })).toThrow(refusal);
    expect(() => resolveClusterNames({ known: KNOWN, names: ['x', 'a', 'y'], field: 'filter.clusters', order: 'given' })).toThrow(refusal);
  });
});

describe('requireCluster', () => {
  it('finds the cluster of one object, or is NOT_FOUND naming the field', () => {
    expect(requireCluster(registry, 'b').name).toBe('b');
    expect(() => requireCluster(registry, 'x', 'workload.cluster')).toThrow(new NotFoundError('workload.cluster: no cluster named "x"'));
  });
});
