// ClusterClient.watch against the simulator: what it streams and how each ending is told apart.
import { clientsFromKubeconfigDocument, type ClusterClient, type WatchEnd, type WatchEvent } from '../../src/kube/index.js';
import { startSimFleet, type SimFleet } from '../../src/sim/fleet.js';
import { resourceByKind } from '../../src/sim/resources.js';
import { until } from '../support/wait.js';

const DEPLOYMENT = resourceByKind('Deployment');

let fleet: SimFleet;
let client: ClusterClient;

beforeAll(async () => {
  fleet = await startSimFleet({ clusters: 1, bookmarkIntervalMs: 50 });
  [client] = clientsFromKubeconfigDocument({ document: fleet.kubeconfig(), timeoutMs: 1000 }) as [ClusterClient];
});
afterAll(() => fleet.stop());

function watch(resourceVersion: string) {
  const events: WatchEvent<'Deployment'>[] = [];
  const controller = new AbortController();
  let connected = false;
  const ended: Promise<WatchEnd> = client.watch('Deployment', { resourceVersion, signal: controller.signal }, (e) => events.push(e), () => (connected = true));
  return { events, ended, abort: () => controller.abort(), connected: () => connected };
}

const relabel = (value: string) =>
  fleet.clusters[0]!.store.mutate(DEPLOYMENT, 'default', 'nginx', (d) => {
    d.metadata.labels = { ...d.metadata.labels, watched: value };
  });

it('streams every change after the resourceVersion, in order, and bookmarks; abort ends it', async () => {
  const { resourceVersion } = await client.list('Deployment');
  const w = watch(resourceVersion!);
  await until(w.connected);
  relabel('one');
  relabel('two');
  await until(() => w.events.some((e) => e.type === 'BOOKMARK') && w.events.filter((e) => e.type === 'MODIFIED').length === 2);
  const changes = w.events.flatMap((e) => (e.type === 'MODIFIED' ? [e.object.metadata?.labels?.watched] : []));
  expect(changes).toEqual(['one', 'two']);
  expect(w.events.find((e) => e.type === 'BOOKMARK')).toEqual({ type: 'BOOKMARK', resourceVersion: expect.stringMatching(/^\d+$/) });
  w.abort();
  expect(await w.ended).toEqual({ reason: 'aborted' });
});

it('ends closed (or failed) when the server cuts it, so the caller resumes', async () => {
  const { resourceVersion } = await client.list('Deployment');
  const w = watch(resourceVersion!);
  await until(w.connected);
  fleet.clusters[0]!.cutWatches();
  expect(['closed', 'failed']).toContain((await w.ended).reason);
});

it('ends gone when the resourceVersion is older than the server keeps', async () => {
  const { resourceVersion } = await client.list('Deployment');
  relabel('three');
  fleet.clusters[0]!.store.compact();
  expect(await watch(resourceVersion!).ended).toEqual({ reason: 'gone' });
});

it('ends failed, as an unreachable cluster, when the cluster is down', async () => {
  const { resourceVersion } = await client.list('Deployment');
  await fleet.clusters[0]!.down();
  try {
    const end = await watch(resourceVersion!).ended;
    expect(end).toMatchObject({ reason: 'failed', error: { cluster: fleet.clusters[0]!.name, failure: { kind: 'unreachable' } } });
  } finally {
    await fleet.clusters[0]!.up();
  }
});
