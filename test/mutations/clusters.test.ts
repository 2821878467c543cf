import { NotFoundError } from '../../src/errors/index.js';
import { createClusterRegistry } from '../../src/fleet/index.js';
import type { ClusterClient } from '../../src/kube/index.js';
import { requireCluster, requireClusters } from '../../src/mutations/clusters.js';

const client = (name: string) => ({ name, server: `https://${name}` }) as ClusterClient;
const registry = createClusterRegistry({ sources: [{ source: 'EMBEDDED', clusters: [{ client: client('a') }, { client: client('b') }] }] });

describe('requireCluster(s)', () => {
  it('finds clusters, de-duplicated in the order given', () => {
    expect(requireCluster(registry, 'b').name).toBe('b');
    expect(requireClusters(registry, ['b', 'a', 'b']).map((c) => c.name)).toEqual(['b', 'a']);
  });

  it('names every unknown cluster and the field', () => {
    expect(() => requireCluster(registry, 'x', 'workload.cluster')).toThrow(new NotFoundError('workload.cluster: no cluster named "x"'));
    expect(() => requireClusters(registry, ['a', 'x', 'y'])).toThrow(new NotFoundError('clusters: no cluster named "x", "y"'));
  });
});
