// Subscribers of one document, variables and principal share one execution per event: the
// same result reaches each of them, nested fields are resolved once per group (counted as
// /version probes at the simulator), and groups never mix variables or principals.
import { resourceByKind } from '../../src/sim/resources.js';
import { startTestGateway, type TestGateway } from '../support/gateway.js';
import { type Subscriber, subscribe, waitFor, wsClient } from '../support/subscriptions.js';
import { caller } from '../auth/tokens.js';

const ADMIN = caller('admin', ['ADMIN']);
const EU_VIEWER = caller('eu-viewer', ['VIEWER'], { clusters: ['prod-eu'] });
const DEPLOYMENT = resourceByKind('Deployment');
// Cluster.status probes /version once per execution: the count of executions, at the simulator.
const QUERY = `subscription($kinds: [ResourceKind!]) {
  resourceChanged(filter: { kinds: $kinds }) { cluster name resourceVersion resource { ... on Workload { cluster { status } } } }
}`;
type Event = { resourceChanged: { cluster: string; name: string; resourceVersion: string } };

let gw: TestGateway;
beforeAll(async () => {
  gw = await startTestGateway({ clusters: 3, seed: 'demo', speed: 20, auth: { tokens: [ADMIN, EU_VIEWER].map((c) => c.entry) } });
});
afterAll(() => gw.stop());

const versionProbes = () =>
  gw.fleet.clusters.reduce((sum, c) => sum + Object.entries(c.counters.snapshot()).reduce((n, [key, count]) => n + (key.includes('version') ? count : 0), 0), 0);
const deploymentWatchers = (cluster: string) => gw.resourceEvents.streams().find((s) => s.cluster === cluster && s.kind === 'Deployment')?.subscribers ?? 0;
const label = (cluster: string, name: string, value: string) =>
  gw.fleet.cluster(cluster).store.mutate(DEPLOYMENT, 'acme-production', name, (d) => {
    d.metadata.labels = { ...d.metadata.labels, step: value };
  });
const seen = (s: Subscriber<Event>, cluster: string, rv: string) => s.data().some((d) => d.resourceChanged.cluster === cluster && d.resourceChanged.resourceVersion === rv);

/** Changes `api` on `cluster` until every subscriber has seen one change: the streams are up. */
async function warm(subscribers: Subscriber<Event>[], cluster = 'prod-eu'): Promise<void> {
  for (let i = 0; ; i++) {
    const rv = String(label(cluster, 'api', `warm-${i}`).metadata.resourceVersion);
    const arrived = await waitFor(() => subscribers.every((s) => seen(s, cluster, rv)), 250).then(() => true, () => false);
    if (arrived) return;
    if (i > 20) throw new Error('the subscriptions never started');
  }
}

it('sends one execution of each event, the same result, to every subscriber of a group', async () => {
  const clients = [wsClient(gw.url, { token: ADMIN.token }), wsClient(gw.url, { token: ADMIN.token })];
  const subscribers = Array.from({ length: 20 }, (_, i) => subscribe<Event>(clients[i % 2]!, QUERY, { kinds: ['DEPLOYMENT'] }));
  try {
    await warm(subscribers);
    expect(deploymentWatchers('prod-eu')).toBe(1);
    const before = versionProbes();
    const rvs = [1, 2, 3, 4, 5].map((i) => String(label('prod-eu', 'api', `shared-${i}`).metadata.resourceVersion));
    await waitFor(() => subscribers.every((s) => rvs.every((rv) => seen(s, 'prod-eu', rv))));
    // One probe per event for the whole group, not one per subscriber (controllers may add events of their own).
    const events = subscribers[0]!.results.length;
    expect(versionProbes() - before).toBeLessThanOrEqual(events);
    expect(versionProbes() - before).toBeGreaterThanOrEqual(rvs.length);
    const tail = (s: Subscriber<Event>) => JSON.stringify(s.results.slice(s.results.findIndex((r) => (r.data as Event | undefined)?.resourceChanged.resourceVersion === rvs[0])));
    expect(new Set(subscribers.map(tail)).size).toBe(1);
  } finally {
    subscribers.forEach((s) => s.unsubscribe());
    await Promise.all(clients.map((c) => c.dispose()));
  }
});

it('never shares between different variables', async () => {
  const client = wsClient(gw.url, { token: ADMIN.token });
  const deployments = subscribe<Event>(client, QUERY, { kinds: ['DEPLOYMENT'] });
  const statefulSets = subscribe<Event>(client, QUERY, { kinds: ['STATEFULSET'] });
  try {
    await warm([deployments]);
    const rv = String(label('prod-eu', 'api', 'vars').metadata.resourceVersion);
    await deployments.until(() => seen(deployments, 'prod-eu', rv));
    expect(statefulSets.data().some((d) => d.resourceChanged.name === 'api')).toBe(false);
  } finally {
    deployments.unsubscribe();
    statefulSets.unsubscribe();
    await client.dispose();
  }
});

it('never lets a scoped caller see another scope through a shared group (security)', async () => {
  const admin = wsClient(gw.url, { token: ADMIN.token });
  const eu = wsClient(gw.url, { token: EU_VIEWER.token });
  // The admin subscribes first, so a wrongly keyed group would be the admin's.
  const all = subscribe<Event>(admin, QUERY, { kinds: ['DEPLOYMENT'] });
  const mine = subscribe<Event>(eu, QUERY, { kinds: ['DEPLOYMENT'] });
  try {
    await warm([all, mine]);
    const us = String(label('prod-us', 'api', 'scope').metadata.resourceVersion);
    const euRv = String(label('prod-eu', 'api', 'scope').metadata.resourceVersion);
    await waitFor(() => seen(all, 'prod-us', us) && seen(all, 'prod-eu', euRv) && seen(mine, 'prod-eu', euRv));
    expect(mine.data().length).toBeGreaterThan(0);
    expect(mine.data().filter((d) => d.resourceChanged.cluster !== 'prod-eu')).toEqual([]);
  } finally {
    all.unsubscribe();
    mine.unsubscribe();
    await Promise.all([admin.dispose(), eu.dispose()]);
  }
});

it('keeps the others going when one unsubscribes, and stops the upstream when the last leaves (8 rounds)', async () => {
  const client = wsClient(gw.url, { token: ADMIN.token });
  try {
    for (let round = 0; round < 8; round++) {
      const subscribers = Array.from({ length: 3 }, () => subscribe<Event>(client, QUERY, { kinds: ['DEPLOYMENT'] }));
      await warm(subscribers);
      subscribers[0]!.unsubscribe();
      const rv = String(label('prod-eu', 'api', `leave-${round}`).metadata.resourceVersion);
      await waitFor(() => seen(subscribers[1]!, 'prod-eu', rv) && seen(subscribers[2]!, 'prod-eu', rv));
      expect(seen(subscribers[0]!, 'prod-eu', rv)).toBe(false);
      subscribers.slice(1).forEach((s) => s.unsubscribe());
      await waitFor(() => deploymentWatchers('prod-eu') === 0);
    }
  } finally {
    await client.dispose();
  }
});
