// resourceChanged and operationUpdated end to end: graphql-ws against a gateway on the simulator.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Client } from 'graphql-ws';
import type { WatchedKind } from '../../src/events/index.js';
import type { OperationRecord } from '../../src/operations/index.js';
import { resourceByKind } from '../../src/sim/resources.js';
import type { StoreEvent } from '../../src/sim/store.js';
import { startTestGateway, type TestGateway } from '../support/gateway.js';
import { kubectlFor } from '../support/kubectl.js';
import { subscribe, waitFor, wsClient } from '../support/subscriptions.js';

const EVENTS = `subscription($filter: ResourceEventFilter) {
  resourceChanged(filter: $filter) {
    type cluster kind namespace name resourceVersion at
    resource { __typename ... on Workload { name namespace replicas labels { key value } } ... on Namespace { name } }
  }
}`;

interface EventData {
  resourceChanged: {
    type: string;
    cluster: string;
    kind: string;
    namespace: string | null;
    name: string;
    resourceVersion: string;
    at: string;
    resource: { __typename: string; name: string; labels?: { key: string; value: string }[] } | null;
  };
}

const DEPLOYMENT = resourceByKind('Deployment');

let gw: TestGateway;
let client: Client;
let dir: string;

beforeAll(async () => {
  gw = await startTestGateway({ speed: 20 });
  client = wsClient(gw.url);
  dir = await mkdtemp(join(tmpdir(), 'fleetgraph-subs-'));
});
afterAll(async () => {
  await client.dispose();
  await gw.stop();
  await rm(dir, { recursive: true, force: true });
});

/** Waits until every stream of `kind` on `clusters` has listed and is watching, with `subscribers` each. */
function streamsReady(kind: WatchedKind, clusters: string[], subscribers = 1): Promise<void> {
  return waitFor(() => {
    const streams = gw.resourceEvents.streams().filter((s) => s.kind === kind && clusters.includes(s.cluster));
    return streams.length === clusters.length && streams.every((s) => s.state.phase === 'watching' && s.subscribers >= subscribers);
  });
}

/** The deployment changes the simulator's store makes from now on, as (type, name, resourceVersion). */
function storeHistory(cluster: string): { events: string[]; stop: () => void } {
  const events: string[] = [];
  const stop = gw.fleet.cluster(cluster).store.listen((ev: StoreEvent) => {
    if (ev.rt === DEPLOYMENT) events.push(`${ev.type} ${ev.object.metadata.namespace}/${ev.object.metadata.name}@${ev.object.metadata.resourceVersion}`);
  });
  return { events, stop };
}

const asLine = ({ resourceChanged: e }: EventData) => `${e.type} ${e.namespace}/${e.name}@${e.resourceVersion}`;

function relabel(cluster: string, namespace: string, name: string, value: string): void {
  gw.fleet.cluster(cluster).store.mutate(DEPLOYMENT, namespace, name, (d) => {
    d.metadata.labels = { ...d.metadata.labels, round: value };
  });
}

describe('resourceChanged', () => {
  it('delivers a change made with kubectl, typed, with the object as changed', async () => {
    const kubeconfig = join(dir, 'kubeconfig.yaml');
    await gw.fleet.writeKubeconfig(kubeconfig);
    const kubectl = kubectlFor({ kubeconfig, context: 'prod-eu', cacheDir: join(dir, 'cache') });
    const sub = subscribe<EventData>(client, EVENTS, { filter: { clusters: ['prod-eu'], kinds: ['DEPLOYMENT'], labelSelector: 'tier=backend,team=payments' } });
    try {
      await streamsReady('Deployment', ['prod-eu']);
      await kubectl.ok(['-n', 'acme-production', 'label', 'deploy/api', 'team=payments']);
      await sub.until((r) => r.length > 0);
      const [first] = sub.data();
      expect(first?.resourceChanged).toEqual({
        type: 'ADDED', // it starts matching the selector: ADDED for this subscriber, as a selector watch says
        cluster: 'prod-eu',
        kind: 'DEPLOYMENT',
        namespace: 'acme-production',
        name: 'api',
        resourceVersion: gw.fleet.cluster('prod-eu').store.get(DEPLOYMENT, 'acme-production', 'api')?.metadata.resourceVersion,
        at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
        resource: { __typename: 'Workload', name: 'api', namespace: 'acme-production', replicas: 3, labels: expect.arrayContaining([{ key: 'team', value: 'payments' }]) },
      });
    } finally {
      sub.unsubscribe();
    }
  });

  it('answers a labelSelector that does not parse with BAD_USER_INPUT', async () => {
    const sub = subscribe<EventData>(client, EVENTS, { filter: { labelSelector: 'a in (' } });
    await sub.until((r) => r.length > 0);
    expect(sub.results[0]?.errors?.[0]).toMatchObject({ message: expect.stringMatching(/^labelSelector: /), extensions: { code: 'BAD_USER_INPUT' } });
  });

  it('delivers every change exactly once, in order, while the watch is cut again and again', async () => {
    const sub = subscribe<EventData>(client, EVENTS, { filter: { clusters: ['prod-us'], kinds: ['DEPLOYMENT'] } });
    const history = storeHistory('prod-us');
    try {
      await streamsReady('Deployment', ['prod-us']);
      const names = ['api', 'web', 'worker'];
      for (let round = 0; round < 30; round++) {
        relabel('prod-us', 'acme-production', names[round % 3]!, String(round));
        if (round % 4 === 0) gw.fleet.cluster('prod-us').cutWatches();
        if (round % 5 === 0) await new Promise((resolve) => setTimeout(resolve, 15));
      }
      relabel('prod-us', 'default', 'nginx', 'last');
      await sub.until((r) => r.some((x) => (x.data as EventData | undefined)?.resourceChanged.name === 'nginx'), 10_000);
      expect(sub.data().map(asLine)).toEqual(history.events);
    } finally {
      history.stop();
      sub.unsubscribe();
    }
  });

  it('keeps the subscribers of a cluster that goes down, and delivers what changed meanwhile when it is back', async () => {
    const cluster = gw.fleet.cluster('prod-eu');
    const sub = subscribe<EventData>(client, EVENTS, { filter: { clusters: ['prod-eu'], kinds: ['DEPLOYMENT'], namespaces: ['monitoring'] } });
    const history = storeHistory('prod-eu');
    try {
      await streamsReady('Deployment', ['prod-eu']);
      await cluster.down();
      relabel('prod-eu', 'monitoring', 'grafana', 'down-1');
      relabel('prod-eu', 'monitoring', 'grafana', 'down-2');
      await cluster.up();
      await sub.until((r) => r.length >= 2, 10_000);
      expect(sub.completed).toBe(false);
      expect(sub.data().map(asLine)).toEqual(history.events.filter((line) => line.includes(' monitoring/')));
    } finally {
      history.stop();
      sub.unsubscribe();
    }
  });

  it('relists after 410 Gone and reports only what changed meanwhile, once', async () => {
    const cluster = gw.fleet.cluster('staging');
    const sub = subscribe<EventData>(client, EVENTS, { filter: { clusters: ['staging'], kinds: ['DEPLOYMENT'] } });
    try {
      await streamsReady('Deployment', ['staging']);
      await cluster.down();
      relabel('staging', 'acme-staging', 'api', 'while-down');
      cluster.store.create(DEPLOYMENT, { ...cluster.store.get(DEPLOYMENT, 'default', 'nginx'), metadata: { name: 'nginx-2', namespace: 'default' } });
      cluster.store.delete(DEPLOYMENT, 'acme-staging', 'worker');
      cluster.store.compact();
      await cluster.up();
      await sub.until((r) => r.length >= 3, 10_000);
      // Controllers may go on changing nginx-2 (its status) after the relist: those are new changes.
      const lines = sub.data().map(asLine);
      expect(new Set(lines).size).toBe(lines.length); // nothing twice
      const byName = new Map<string, EventData['resourceChanged']>();
      for (const { resourceChanged: e } of sub.data()) if (!byName.has(e.name)) byName.set(e.name, e);
      expect(byName.get('api')).toMatchObject({ type: 'MODIFIED', resourceVersion: cluster.store.get(DEPLOYMENT, 'acme-staging', 'api')?.metadata.resourceVersion });
      expect(byName.get('nginx-2')).toMatchObject({ type: 'ADDED' });
      expect(byName.get('worker')).toMatchObject({ type: 'DELETED', resource: { __typename: 'Workload', name: 'worker' } });
      expect(byName.has('web')).toBe(false);
    } finally {
      sub.unsubscribe();
    }
  });

  it('serves 100 subscribers of one kind from one upstream watch per cluster', async () => {
    // Let earlier tests' streams go: a fresh engine state makes the count exact.
    await waitFor(() => gw.resourceEvents.streams().every((s) => s.subscribers === 0));
    gw.resetCounters();
    const subs = Array.from({ length: 100 }, () => subscribe<EventData>(client, EVENTS, { filter: { kinds: ['DAEMONSET'] } }));
    try {
      await streamsReady('DaemonSet', ['prod-eu', 'prod-us', 'staging']);
      // Subscriptions arrive one by one: change until every one of them has seen a change.
      for (let i = 0; !subs.every((s) => s.data().length >= 1); i++) {
        if (i > 50) throw new Error('not every subscriber saw a change');
        gw.fleet.cluster('prod-eu').store.mutate(resourceByKind('DaemonSet'), 'monitoring', 'node-exporter', (d) => {
          d.metadata.labels = { ...d.metadata.labels, seen: `by-all-${i}` };
        });
        await waitFor(() => subs.every((s) => s.data().length >= 1), 200).catch(() => undefined);
      }
      for (const c of gw.fleet.clusters) expect(c.counters.snapshot()).toMatchObject({ 'watch daemonsets': 1 });
      // One document, one caller: one shared execution (src/subscriptions) listens to each stream.
      expect(gw.resourceEvents.streams().filter((s) => s.kind === 'DaemonSet').map((s) => s.subscribers)).toEqual([1, 1, 1]);
    } finally {
      subs.forEach((s) => s.unsubscribe());
    }
  });
});

describe('operationUpdated', () => {
  const operation = (id: string, status: OperationRecord['status']): OperationRecord => ({
    kind: 'Operation',
    id,
    operationKind: 'RESTART',
    status,
    dryRun: false,
    requestedBy: 'test',
    createdAt: new Date('2026-01-01T00:00:00Z'),
    startedAt: null,
    finishedAt: null,
    targets: [],
    message: null,
  });

  it.each([
    ['one operation, by id', 'op-1', ['op-1 RUNNING', 'op-1 SUCCEEDED']],
    ['every operation, without id', null, ['op-1 RUNNING', 'op-2 RUNNING', 'op-1 SUCCEEDED']],
  ])('streams %s', async (_, id, expected) => {
    const sub = subscribe<{ operationUpdated: { id: string; status: string; progress: number } }>(
      client,
      'subscription($id: ID) { operationUpdated(id: $id) { id status progress } }',
      { id },
    );
    try {
      // The subscription is registered once a publish reaches it: publish op-1 PENDING until one does.
      await waitFor(() => {
        gw.operationEvents.publish(operation('op-1', 'PENDING'));
        return sub.results.length > 0;
      });
      gw.operationEvents.publish(operation('op-1', 'RUNNING'));
      gw.operationEvents.publish(operation('op-2', 'RUNNING'));
      gw.operationEvents.publish(operation('op-1', 'SUCCEEDED'));
      const changes = () => sub.data().filter((d) => d.operationUpdated.status !== 'PENDING');
      await waitFor(() => changes().length >= expected.length);
      expect(changes().map((d) => `${d.operationUpdated.id} ${d.operationUpdated.status}`)).toEqual(expected);
    } finally {
      sub.unsubscribe();
    }
  });
});
