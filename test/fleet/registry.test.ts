import { clusterId, createClusterRegistry, type ClusterSourceInput } from '../../src/fleet/index.js';
import { offlineClients } from '../support/offline-clients.js';

const source = (kind: ClusterSourceInput['source'], ...names: string[]): ClusterSourceInput => ({
  source: kind,
  clusters: offlineClients(...names).map((client) => ({ client, labels: { region: client.name } })),
});

describe('createClusterRegistry', () => {
  it('lists every source’s clusters by name, with their source, labels and id', () => {
    const registry = createClusterRegistry({
      sources: [source('KUBECONFIG', 'zeta'), source('EMBEDDED', 'alpha')],
    });
    expect(registry.list().map(({ name, source, labels, id, server }) => ({ name, source, labels, id, server }))).toEqual([
      { name: 'alpha', source: 'EMBEDDED', labels: { region: 'alpha' }, id: clusterId('alpha'), server: 'https://alpha.example:6443' },
      { name: 'zeta', source: 'KUBECONFIG', labels: { region: 'zeta' }, id: clusterId('zeta'), server: 'https://zeta.example:6443' },
    ]);
    expect(registry.get('zeta')?.source).toBe('KUBECONFIG');
    expect(registry.get('nope')).toBeUndefined();
  });

  it('refuses two clusters of the same name', () => {
    const sources = [source('KUBECONFIG', 'a'), source('EMBEDDED', 'a')];
    expect(() => createClusterRegistry({ sources })).toThrow('cluster "a" comes from both KUBECONFIG and EMBEDDED');
  });
});

describe('clusterId', () => {
  it('is opaque and distinct per name', () => {
    expect(clusterId('prod-eu')).not.toContain('prod-eu');
    expect(clusterId('prod-eu')).not.toBe(clusterId('prod-us'));
  });
});
