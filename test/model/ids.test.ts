import { fromGlobalId, refKey, toGlobalId } from '../../src/model/ids.js';

describe('global ids', () => {
  it.each([
    ['Cluster', ['prod-eu']],
    ['Workload', ['prod-eu', 'acme-production', 'DEPLOYMENT', 'api']],
    ['Environment', ['acme:staging']],
    ['Pod', ['cluster-one', 'ns/with/slashes', 'p']],
  ] as const)('round-trips a %s id', (type, parts) => {
    const id = toGlobalId(type, ...parts);
    expect(id).not.toContain(parts[0]);
    expect(fromGlobalId(id)).toEqual({ type, parts: [...parts] });
  });

  it.each(['', 'bm90aGluZw', Buffer.from('Secret:x').toString('base64url')])('knows %p is not one of its ids', (id) => {
    expect(fromGlobalId(id)).toBeUndefined();
  });

  it('keys objects by cluster, namespace and name', () => {
    expect(refKey({ cluster: 'a', namespace: 'n', name: 'x' })).not.toBe(refKey({ cluster: 'a', name: 'x' }));
  });
});
