// resourceChanged(initial: true) end to end (issue 11): graphql-ws against a gateway on the
// simulator. Every object matching once as ADDED, one SYNCED, then the changes: replaying the
// events must give the simulator's own objects, with no change missed and none twice, however
// the fleet changes while the subscription starts and however often its watch is cut.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Client } from 'graphql-ws';
import { resourceByKind } from '../../src/sim/resources.js';
import { caller } from '../auth/tokens.js';
import { startTestGateway, type TestGateway } from '../support/gateway.js';
import { kubectlFor } from '../support/kubectl.js';
import { type Subscriber, subscribe, waitFor, wsClient } from '../support/subscriptions.js';

const EVENTS = `subscription($filter: ResourceEventFilter, $initial: Boolean) {
  resourceChanged(filter: $filter, initial: $initial) {
    type cluster kind namespace name resourceVersion
    resource { __typename ... on Workload { name replicas } ... on Pod { name } }
  }
}`;

interface Event {
  type: 'ADDED' | 'MODIFIED' | 'DELETED' | 'SYNCED';
  cluster: string;
  kind: string;
  namespace: string | null;
  name: string;
  resourceVersion: string;
  resource: { __typename: string; name: string } | null;
}
type EventData = { resourceChanged: Event };

const DEPLOYMENT = resourceByKind('Deployment');
const POD = resourceByKind('Pod');
const KINDS = { DEPLOYMENT, POD } as const;

const ADMIN = caller('admin', ['ADMIN']);
const OPERATOR = caller('operator', ['OPERATOR']);
const EU_VIEWER = caller('eu-viewer', ['VIEWER'], { clusters: ['prod-eu'] });
const ACME_VIEWER = caller('acme-viewer', ['VIEWER'], { namespaces: ['acme-*'] });
const NOBODY = caller('nobody', []);

let gw: TestGateway;
let client: Client;
let dir: string;

beforeAll(async () => {
  // No linger: a stream stops with its last subscriber, so a subscription alone starts it cold.
  gw = await startTestGateway({ speed: 20, watch: { lingerMs: 0 }, auth: { tokens: [ADMIN, OPERATOR, EU_VIEWER, ACME_VIEWER, NOBODY].map((c) => c.entry) } });
  client = wsClient(gw.url, { token: ADMIN.token });
  dir = await mkdtemp(join(tmpdir(), 'fleetgraph-initial-'));
});
afterAll(async () => {
  await client.dispose();
  await gw.stop();
  await rm(dir, { recursive: true, force: true });
});

const keyOf = (e: Pick<Event, 'cluster' | 'kind' | 'namespace' | 'name'>) => `${e.cluster} ${e.kind} ${e.namespace ?? ''}/${e.name}`;

/** What a client following the events knows (key → resourceVersion), and every way the events broke the promise. */
function replay(events: readonly Event[]): { state: Map<string, string>; synced: boolean; problems: string[] } {
  const state = new Map<string, string>();
  const problems: string[] = [];
  let synced = false;
  for (const e of events) {
    const key = keyOf(e);
    const line = `${e.type} ${key}@${e.resourceVersion}`;
    if (e.type === 'SYNCED') {
      if (synced) problems.push('a second SYNCED');
      synced = true;
    } else if (!synced && e.type !== 'ADDED') problems.push(`before SYNCED: ${line}`);
    else if (e.type === 'ADDED' && state.has(key)) problems.push(`twice: ${line}`);
    else if (e.type === 'MODIFIED' && state.get(key) === e.resourceVersion) problems.push(`same state twice: ${line}`);
    else if (e.type !== 'ADDED' && !state.has(key)) problems.push(`of an object never sent: ${line}`);
    if (e.type === 'DELETED') state.delete(key);
    else if (e.type !== 'SYNCED') state.set(key, e.resourceVersion);
  }
  return { state, synced, problems };
}

/** The simulator's objects of `kinds` in `clusters`, as replay() keys them. */
function simState(clusters: readonly string[], kinds: readonly (keyof typeof KINDS)[], namespace?: (ns: string) => boolean): Map<string, string> {
  const state = new Map<string, string>();
  for (const cluster of clusters) {
    for (const kind of kinds) {
      for (const o of gw.fleet.cluster(cluster).store.list(KINDS[kind])) {
        if (namespace && !namespace(o.metadata.namespace ?? '')) continue;
        state.set(keyOf({ cluster, kind, namespace: o.metadata.namespace ?? null, name: o.metadata.name }), o.metadata.resourceVersion!);
      }
    }
  }
  return state;
}

const events = (sub: Subscriber<EventData>) => sub.data().map((d) => d.resourceChanged);
const synced = (sub: Subscriber<EventData>) => events(sub).some((e) => e.type === 'SYNCED');
const sameState = (a: Map<string, string>, b: Map<string, string>) => a.size === b.size && [...a].every(([k, v]) => b.get(k) === v);

/** Waits until replaying the events gives the simulator's objects; fails with the difference. */
async function converges(sub: Subscriber<EventData>, expected: () => Map<string, string>): Promise<void> {
  await sub.until(() => sameState(replay(events(sub)).state, expected()), 10_000).catch(() => undefined);
  const { state, problems } = replay(events(sub));
  expect(problems).toEqual([]);
  expect(Object.fromEntries(state)).toEqual(Object.fromEntries(expected()));
}

/** Changes prod-us while it runs: scales acme-production/web (pods come and go) and relabels api. */
function churn(cluster = 'prod-us'): { stop: () => Promise<void> } {
  let running = true;
  const store = gw.fleet.cluster(cluster).store;
  const done = (async () => {
    for (let i = 0; running; i++) {
      store.mutate(DEPLOYMENT, 'acme-production', 'web', (d) => {
        (d.spec as { replicas: number }).replicas = 1 + (i % 4);
      });
      store.mutate(DEPLOYMENT, 'acme-production', 'api', (d) => {
        d.metadata.labels = { ...d.metadata.labels, round: String(i) };
      });
      await new Promise((resolve) => setImmediate(resolve));
    }
  })();
  return {
    stop: async () => {
      running = false;
      await done;
    },
  };
}

describe('resourceChanged(initial: true)', () => {
  it('sends every existing object once as ADDED, then SYNCED, then a kubectl change as it happens', async () => {
    const sub = subscribe<EventData>(client, EVENTS, { filter: { kinds: ['DEPLOYMENT'] }, initial: true });
    try {
      await sub.until(() => synced(sub));
      const clusters = gw.fleet.clusters.map((c) => c.name);
      const before = events(sub);
      expect(before.at(-1)).toMatchObject({ type: 'SYNCED', cluster: '', name: '', resourceVersion: '', namespace: null, resource: null, kind: 'DEPLOYMENT' });
      expect(before.slice(0, -1).every((e) => e.type === 'ADDED' && e.resource?.__typename === 'Workload')).toBe(true);
      expect(Object.fromEntries(replay(before).state)).toEqual(Object.fromEntries(simState(clusters, ['DEPLOYMENT'])));

      const kubeconfig = join(dir, 'kubeconfig.yaml');
      await gw.fleet.writeKubeconfig(kubeconfig);
      const kubectl = kubectlFor({ kubeconfig, context: 'staging', cacheDir: join(dir, 'cache') });
      await kubectl.ok(['-n', 'acme-staging', 'label', 'deploy/worker', 'joined=late']);
      await sub.until(() => events(sub).some((e) => e.type === 'MODIFIED' && e.name === 'worker' && e.cluster === 'staging'));
      await converges(sub, () => simState(clusters, ['DEPLOYMENT']));
    } finally {
      sub.unsubscribe();
    }
  });

  it('sends nothing twice and misses nothing while the fleet changes as it starts (20 times, cold and warm)', async () => {
    const filter = { clusters: ['prod-us'], kinds: ['DEPLOYMENT', 'POD'] };
    for (let round = 0; round < 20; round++) {
      // Every other round another subscriber keeps the streams running: the snapshot then meets a warm engine.
      const keeper = round % 2 === 1 ? subscribe<EventData>(client, EVENTS, { filter }) : undefined;
      const changes = churn();
      const sub = subscribe<EventData>(client, EVENTS, { filter, initial: true });
      try {
        await sub.until(() => synced(sub));
        await changes.stop();
        await converges(sub, () => simState(['prod-us'], ['DEPLOYMENT', 'POD']));
      } finally {
        await changes.stop();
        sub.unsubscribe();
        keeper?.unsubscribe();
      }
    }
  });

  it.each([
    ['cut', () => gw.fleet.cluster('prod-us').cutWatches()],
    ['cut after the history it would resume from is gone (410, relist)', () => (gw.fleet.cluster('prod-us').store.compact(), gw.fleet.cluster('prod-us').cutWatches())],
  ])('keeps exactly once when the watch is %s while the snapshot is read and after', async (_, cut) => {
    const filter = { clusters: ['prod-us'], kinds: ['DEPLOYMENT', 'POD'] };
    for (let round = 0; round < 5; round++) {
      const changes = churn();
      const sub = subscribe<EventData>(client, EVENTS, { filter, initial: true });
      try {
        for (let i = 0; !synced(sub); i++) {
          if (i % 3 === 0) cut();
          await sub.until(() => synced(sub), 20).catch(() => undefined);
        }
        cut();
        await sub.until(() => events(sub).length > 100, 5000).catch(() => undefined);
        cut();
        await changes.stop();
        await converges(sub, () => simState(['prod-us'], ['DEPLOYMENT', 'POD']));
      } finally {
        await changes.stop();
        sub.unsubscribe();
      }
    }
  });

  it('ends with CLUSTER_UNAVAILABLE naming a cluster that cannot be listed', async () => {
    const staging = gw.fleet.cluster('staging');
    await waitFor(() => !gw.resourceEvents.streams().some((s) => s.cluster === 'staging'));
    await staging.down();
    const sub = subscribe<EventData>(client, EVENTS, { filter: { clusters: ['prod-eu', 'staging'], kinds: ['DEPLOYMENT'] }, initial: true });
    try {
      await sub.until((r) => r.length > 0, 10_000);
      expect(sub.results).toEqual([{ data: null, errors: [expect.objectContaining({ extensions: expect.objectContaining({ code: 'CLUSTER_UNAVAILABLE', cluster: 'staging' }) })] }]);
      await sub.until(() => sub.completed);
    } finally {
      sub.unsubscribe();
      await staging.up();
    }
  });

  it('sends a snapshot larger than a subscriber\'s queue at the pace the client reads it', async () => {
    // A second gateway on the same fleet, whose subscribers may have 5 events pending.
    const small = await startTestGateway({ fleet: gw.fleet, watch: { queueLimit: 5 } });
    const ws = wsClient(small.url);
    const sub = subscribe<EventData>(ws, EVENTS, { filter: { kinds: ['POD'] }, initial: true });
    try {
      await sub.until((r) => r.some((x) => !!x.errors) || synced(sub), 10_000);
      expect(sub.results.filter((r) => r.errors)).toEqual([]);
      const snapshot = events(sub).filter((e) => e.type === 'ADDED');
      expect(snapshot.length).toBeGreaterThan(5);
      expect(new Set(snapshot.map(keyOf)).size).toBe(snapshot.length);
    } finally {
      sub.unsubscribe();
      await ws.dispose();
      await small.stop();
    }
  });

  it('keeps the filter: a labelSelector and namespaces apply to the snapshot as to changes', async () => {
    const filter = { kinds: ['DEPLOYMENT'], namespaces: ['acme-production'], labelSelector: 'tier=backend' };
    const sub = subscribe<EventData>(client, EVENTS, { filter, initial: true });
    try {
      await sub.until(() => synced(sub));
      const names = events(sub)
        .filter((e) => e.type === 'ADDED')
        .map((e) => `${e.cluster}/${e.name}`)
        .sort();
      expect(names).toEqual(['prod-eu/api', 'prod-eu/worker', 'prod-us/api', 'prod-us/worker']);
    } finally {
      sub.unsubscribe();
    }
  });
});

describe('resourceChanged(initial: true) and access', () => {
  const subscribeAs = (token: string, filter: Record<string, unknown>) => {
    const ws = wsClient(gw.url, { token });
    return { ws, sub: subscribe<EventData>(ws, EVENTS, { filter, initial: true }) };
  };

  it('answers an out-of-scope cluster with BAD_USER_INPUT, as for an unknown one', async () => {
    const { ws, sub } = subscribeAs(EU_VIEWER.token, { clusters: ['prod-us'], kinds: ['DEPLOYMENT'] });
    try {
      await sub.until((r) => r.length > 0);
      expect(sub.results).toEqual([{ errors: [expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }) })] }]);
    } finally {
      await ws.dispose();
    }
  });

  it.each([
    ['a cluster-scoped VIEWER gets only its clusters', EU_VIEWER, ['prod-eu'], undefined],
    ['a namespace-scoped VIEWER gets only its namespaces', ACME_VIEWER, ['prod-eu', 'prod-us', 'staging'], (ns: string) => ns.startsWith('acme-')],
    ['an OPERATOR gets every object', OPERATOR, ['prod-eu', 'prod-us', 'staging'], undefined],
  ])('%s', async (_, who, clusters, namespace) => {
    const { ws, sub } = subscribeAs(who.token, { kinds: ['DEPLOYMENT', 'POD'] });
    try {
      await sub.until(() => synced(sub));
      const snapshot = events(sub).slice(0, events(sub).findIndex((e) => e.type === 'SYNCED') + 1);
      expect(replay(snapshot).problems).toEqual([]);
      // Pods of other namespaces may change meanwhile: compare what is not moving, the deployments and the clusters.
      const seen = replay(snapshot).state;
      expect([...new Set([...seen.keys()].map((k) => k.split(' ')[0]))].sort()).toEqual(clusters);
      expect(Object.fromEntries([...seen].filter(([k]) => k.includes(' DEPLOYMENT ')))).toEqual(Object.fromEntries(simState(clusters, ['DEPLOYMENT'], namespace)));
      if (namespace) expect([...seen.keys()].every((k) => namespace(k.split(' ')[2]!.split('/')[0]!))).toBe(true);
    } finally {
      await ws.dispose();
    }
  });

  it.each([
    ['a caller without a role', 4403, NOBODY.token],
    ['an unknown token', 4401, 'not-a-token'],
  ])('refuses %s: the socket closes with %s and nothing is sent', async (_, code, token) => {
    let closedWith: number | undefined;
    const ws = wsClient(gw.url, { token, on: { closed: (e) => (closedWith = (e as { code: number }).code) } });
    const sub = subscribe<EventData>(ws, EVENTS, { filter: { kinds: ['DEPLOYMENT'] }, initial: true });
    try {
      await sub.until(() => closedWith !== undefined);
      expect(closedWith).toBe(code);
      expect(sub.data()).toEqual([]);
    } finally {
      await ws.dispose();
    }
  });
});
