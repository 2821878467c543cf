// Writes through the kube client against a simulated cluster: what a cluster shows afterwards.
import { clientsFromKubeconfigDocument, KubeCallError, type ClusterClient } from '../../src/kube/index.js';
import { startSimFleet, type SimFleet } from '../../src/sim/fleet.js';
import { resourceByKind } from '../../src/sim/resources.js';

let fleet: SimFleet;
let client: ClusterClient;

beforeAll(async () => {
  fleet = await startSimFleet({ clusters: 1, seed: 'demo', speed: 20 });
  client = clientsFromKubeconfigDocument({ document: fleet.kubeconfig(), timeoutMs: 3000 })[0]!;
});
afterEach(() => fleet.clusters[0]!.faults.clear());
afterAll(() => fleet.stop());

const store = () => fleet.clusters[0]!.store;
const deployment = (name: string) => ({
  metadata: { name, namespace: 'default' },
  spec: { replicas: 1, selector: { matchLabels: { app: name } }, template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'app', image: 'nginx:1.27' }, { name: 'side', image: 'busybox:1.36' }] } } },
});

describe('writes', () => {
  it('creates, and refuses a second of the same name with 409', async () => {
    await client.create('Deployment', deployment('made'), { namespace: 'default' });
    expect(store().get(resourceByKind('Deployment'), 'default', 'made')).toBeDefined();
    const err = await client.create('Deployment', deployment('made'), { namespace: 'default' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(KubeCallError);
    expect((err as KubeCallError).failure).toEqual({ kind: 'http', status: 409, reason: 'AlreadyExists' });
  });

  it('patches by merge, and by strategic merge keeping the other containers', async () => {
    await client.create('Deployment', deployment('patched'), { namespace: 'default' });
    await client.patch('Deployment', 'patched', { metadata: { labels: { tier: 'web' } } }, { namespace: 'default' });
    await client.patch('Deployment', 'patched', { spec: { template: { spec: { containers: [{ name: 'app', image: 'nginx:1.28' }] } } } }, { namespace: 'default', strategy: 'strategic' });
    const stored = store().get(resourceByKind('Deployment'), 'default', 'patched')!;
    expect(stored.metadata.labels).toEqual({ tier: 'web' });
    expect(stored.spec.template.spec.containers.map((c: { image: string }) => c.image)).toEqual(['nginx:1.28', 'busybox:1.36']);
  });

  it('updates on a fresh read when someone else wrote in between (409)', async () => {
    await client.create('Deployment', deployment('contended'), { namespace: 'default' });
    let calls = 0;
    const updated = await client.update(
      'Deployment',
      'contended',
      (d) => {
        calls++;
        // Someone else writes after our first read, so our first write conflicts.
        if (calls === 1) store().mutate(resourceByKind('Deployment'), 'default', 'contended', (x) => void (x.metadata.annotations = { other: 'writer' }));
        d.spec!.replicas = 3;
      },
      { namespace: 'default' },
    );
    // At least once more: the simulator's deployment controller may write its status in between too.
    expect(calls).toBeGreaterThanOrEqual(2);
    expect(updated.spec?.replicas).toBe(3);
    expect(store().get(resourceByKind('Deployment'), 'default', 'contended')!.metadata.annotations).toMatchObject({ other: 'writer' });
  });

  it('deletes, saying whether there was anything to delete', async () => {
    await client.create('Deployment', deployment('gone'), { namespace: 'default' });
    await expect(client.delete('Deployment', 'gone', { namespace: 'default' })).resolves.toBe(true);
    await expect(client.delete('Deployment', 'gone', { namespace: 'default' })).resolves.toBe(false);
  });

  it('evicts a pod, and reports a refused eviction as 429 without retrying it', async () => {
    const pod = store().list(resourceByKind('Pod'), { namespace: 'acme-production' })[0]!;
    fleet.clusters[0]!.faults.set({ errorCount: 1, errorStatus: 429, match: { resource: 'pods/eviction' } });
    const refused = await client.evict(pod.metadata.name, 'acme-production').catch((e: unknown) => e);
    expect((refused as KubeCallError).failure).toMatchObject({ kind: 'http', status: 429 });
    await client.evict(pod.metadata.name, 'acme-production');
    expect(store().get(resourceByKind('Pod'), 'acme-production', pod.metadata.name)).toBeUndefined();
  });
});
