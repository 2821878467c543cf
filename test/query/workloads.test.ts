// What queryWorkloads asks the request's reader for, recorded call by call: only the
// clusters, kinds and namespaces the filter allows.
import { ClusterErrors } from '../../src/errors/index.js';
import { createClusterRegistry } from '../../src/fleet/index.js';
import type { ClusterClient, KubeKind, KubeObjects } from '../../src/kube/index.js';
import type { FleetReader } from '../../src/loaders/index.js';
import { queryWorkloads } from '../../src/query/workloads.js';

type Fixture = Record<string, { [K in KubeKind]?: KubeObjects[K][] }>;
type Call = [cluster: string, kind: KubeKind, namespace: string | undefined];

const environmentNamespace = (name: string, environment: string): KubeObjects['Namespace'] => ({
  metadata: { name, labels: { 'fleetgraph.io/environment': 'true' }, annotations: { 'fleetgraph.io/environment-name': environment } },
});
const deployment = (namespace: string, name: string): KubeObjects['Deployment'] => ({
  metadata: { namespace, name, uid: `${namespace}-${name}`, generation: 1 },
  spec: { replicas: 1, selector: { matchLabels: { app: name } }, template: { spec: { containers: [{ name, image: `acme/${name}:1.0.0` }] } } },
  status: { observedGeneration: 1, replicas: 1, updatedReplicas: 1, readyReplicas: 1, availableReplicas: 1 },
});

const fixture: Fixture = {
  a: {
    Namespace: [environmentNamespace('acme-production', 'acme:production'), { metadata: { name: 'monitoring' } }],
    Deployment: [deployment('acme-production', 'api'), deployment('monitoring', 'grafana')],
  },
  b: {
    Namespace: [environmentNamespace('acme-staging', 'acme:staging')],
    Deployment: [deployment('acme-staging', 'api')],
  },
};

const registry = createClusterRegistry({
  sources: [{ source: 'EMBEDDED', clusters: Object.keys(fixture).map((name) => ({ client: { name, server: `https://${name}` } as ClusterClient })) }],
});

/** A reader over the fixture that records every list asked of it. */
function recordingReader(): [FleetReader, Call[]] {
  const calls: Call[] = [];
  const list = <K extends KubeKind>(cluster: string, kind: K, namespace?: string): Promise<readonly KubeObjects[K][]> => {
    calls.push([cluster, kind, namespace]);
    const items: readonly KubeObjects[K][] = fixture[cluster]?.[kind] ?? [];
    return Promise.resolve(namespace ? items.filter((o) => o.metadata?.namespace === namespace) : items);
  };
  const reader: FleetReader = {
    list,
    get: async (cluster, kind, name, namespace) => (await list(cluster, kind, namespace)).find((o) => o.metadata?.name === name),
  };
  return [reader, calls];
}

describe('queryWorkloads', () => {
  it.each<[string, Parameters<typeof queryWorkloads>[1]['filter'], Call[], string[]]>([
    [
      'every kind of every cluster, all namespaces at once',
      null,
      ['a', 'b'].flatMap((c): Call[] => [
        [c, 'Deployment', undefined],
        [c, 'StatefulSet', undefined],
        [c, 'DaemonSet', undefined],
      ]),
      ['a/acme-production/api', 'a/monitoring/grafana', 'b/acme-staging/api'],
    ],
    ['the named clusters and kinds only', { clusters: ['b'], kinds: ['DEPLOYMENT', 'DEPLOYMENT'] }, [['b', 'Deployment', undefined]], ['b/acme-staging/api']],
    [
      'the named namespaces only',
      { kinds: ['DEPLOYMENT'], namespaces: ['monitoring', 'monitoring'] },
      [
        ['a', 'Deployment', 'monitoring'],
        ['b', 'Deployment', 'monitoring'],
      ],
      ['a/monitoring/grafana'],
    ],
    [
      'the namespaces backing the named environments, nothing in a cluster without one',
      { kinds: ['DEPLOYMENT'], environments: ['acme:production'] },
      [
        ['a', 'Namespace', undefined],
        ['b', 'Namespace', undefined],
        ['a', 'Deployment', 'acme-production'],
      ],
      ['a/acme-production/api'],
    ],
    [
      'environments narrowed by namespaces',
      { kinds: ['DEPLOYMENT'], environments: ['acme:production', 'acme:staging'], namespaces: ['acme-staging'] },
      [
        ['a', 'Namespace', undefined],
        ['b', 'Namespace', undefined],
        ['b', 'Deployment', 'acme-staging'],
      ],
      ['b/acme-staging/api'],
    ],
  ])('lists %s', async (_what, filter, expectedCalls, expected) => {
    const [reader, calls] = recordingReader();
    const page = await queryWorkloads({ registry, reader, clusterErrors: new ClusterErrors() }, { clusters: ['a', 'b'], filter });
    expect(calls).toEqual(expectedCalls);
    expect(page.nodes.map((w) => `${w.cluster}/${w.namespace}/${w.name}`)).toEqual(expected);
  });

  it('checks its input before asking anything', async () => {
    const [reader, calls] = recordingReader();
    const ctx = { registry, reader, clusterErrors: new ClusterErrors() };
    await expect(queryWorkloads(ctx, { clusters: ['a'], filter: { labelSelector: '=' } })).rejects.toThrow(/^labelSelector: /);
    await expect(queryWorkloads(ctx, { clusters: ['a'], filter: { clusters: ['b', 'c'] } })).rejects.toThrow(/^filter\.clusters: no cluster named c$/);
    await expect(queryWorkloads(ctx, { clusters: ['a'], sort: [{ field: 'NAME' }, { field: 'NAME' }] })).rejects.toThrow(/^sort: /);
    expect(calls).toEqual([]);
  });
});
