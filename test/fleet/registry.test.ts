import { clusterId, createClusterRegistry, type ClusterSourceInput } from '../../src/fleet/index.js';
import { KubeCallError, type ClusterClient, type KubeNode, type KubeVersion } from '../../src/kube/index.js';
import { createLogger } from '../../src/logging/index.js';

const logger = createLogger({ level: 'silent' });
const version: KubeVersion = {
  major: '1',
  minor: '32',
  gitVersion: 'v1.32.4',
  gitCommit: 'fake',
  gitTreeState: 'clean',
  buildDate: '2025-01-01T00:00:00Z',
  goVersion: 'go1.23',
  compiler: 'gc',
  platform: 'linux/amd64',
};

/** A client answering from memory; `calls` records what was asked of it. */
function fakeClient(name: string, nodes: KubeNode[] | 'down', calls: string[] = []): ClusterClient {
  const answer = <T>(value: T) => {
    if (nodes === 'down') return Promise.reject(new KubeCallError(name, { kind: 'unreachable', code: 'ECONNREFUSED' }));
    return Promise.resolve(value);
  };
  return {
    name,
    server: `https://${name}.example:6443`,
    version: () => {
      calls.push(`${name} version`);
      return answer(version);
    },
    listNodes: () => {
      calls.push(`${name} nodes`);
      return answer({ items: nodes === 'down' ? [] : nodes });
    },
    list: () => Promise.reject(new Error('the registry lists nodes through listNodes only')),
    get: () => Promise.reject(new Error('the registry reads no single object')),
  };
}

const ready: KubeNode = { metadata: { name: 'n1' }, status: { conditions: [{ type: 'Ready', status: 'True' }] } };
const source = (kind: ClusterSourceInput['source'], ...clients: ClusterClient[]): ClusterSourceInput => ({
  source: kind,
  clusters: clients.map((client) => ({ client, labels: { region: client.name } })),
});

describe('createClusterRegistry', () => {
  it('lists every source’s clusters by name, with their source, labels and id', () => {
    const registry = createClusterRegistry({
      sources: [source('KUBECONFIG', fakeClient('zeta', [])), source('EMBEDDED', fakeClient('alpha', []))],
      logger,
    });
    expect(registry.list().map(({ name, source, labels, id, server }) => ({ name, source, labels, id, server }))).toEqual([
      { name: 'alpha', source: 'EMBEDDED', labels: { region: 'alpha' }, id: clusterId('alpha'), server: 'https://alpha.example:6443' },
      { name: 'zeta', source: 'KUBECONFIG', labels: { region: 'zeta' }, id: clusterId('zeta'), server: 'https://zeta.example:6443' },
    ]);
    expect(registry.get('zeta')?.source).toBe('KUBECONFIG');
    expect(registry.get('nope')).toBeUndefined();
  });

  it('refuses two clusters of the same name', () => {
    const sources = [source('KUBECONFIG', fakeClient('a', [])), source('EMBEDDED', fakeClient('a', []))];
    expect(() => createClusterRegistry({ sources, logger })).toThrow('cluster "a" comes from both KUBECONFIG and EMBEDDED');
  });

  it('probes version and nodes, and turns a failure into an UNREACHABLE health', async () => {
    const calls: string[] = [];
    const registry = createClusterRegistry({
      sources: [source('EMBEDDED', fakeClient('up', [ready], calls), fakeClient('down', 'down', calls))],
      logger,
    });
    const [down, up] = registry.list();
    await expect(registry.probe(up!)).resolves.toMatchObject({ status: 'OK', version: 'v1.32.4' });
    await expect(registry.probe(down!)).resolves.toMatchObject({ status: 'UNREACHABLE', error: expect.stringMatching(/ECONNREFUSED/) });
    expect(calls).toEqual(['up version', 'up nodes', 'down version', 'down nodes']);
  });
});

describe('clusterId', () => {
  it('is opaque and distinct per name', () => {
    expect(clusterId('prod-eu')).not.toContain('prod-eu');
    expect(clusterId('prod-eu')).not.toBe(clusterId('prod-us'));
  });
});
