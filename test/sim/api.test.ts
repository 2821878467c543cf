// The simulator as @kubernetes/client-node sees it: the same calls a gateway makes
// against a real cluster, and the answers a real API server gives.
import { get, type IncomingMessage } from 'node:http';
import { AppsV1Api, CoreV1Api, KubeConfig, Watch, type V1Deployment } from '@kubernetes/client-node';
import { startSimFleet, type SimFleet } from '../../src/sim/fleet.js';
import { until } from '../support/wait.js';

let fleet: SimFleet;
let kc: KubeConfig;
let core: CoreV1Api;
let apps: AppsV1Api;

beforeAll(async () => {
  fleet = await startSimFleet({ clusters: 2, seed: 'empty' });
  kc = new KubeConfig();
  kc.loadFromString(JSON.stringify(fleet.kubeconfig()));
  core = kc.makeApiClient(CoreV1Api);
  apps = kc.makeApiClient(AppsV1Api);
  await core.createNamespace({ body: { metadata: { name: 'team-a' } } });
});
afterAll(() => fleet.stop());

const deployment = (name: string, labels: Record<string, string> = {}): V1Deployment => ({
  metadata: { name, labels },
  spec: {
    replicas: 0,
    selector: { matchLabels: { app: name } },
    template: { metadata: { labels: { app: name } }, spec: { containers: [{ name, image: 'nginx:1.27' }] } },
  },
});

/** the Status body of a failed call, parsed */
async function statusOf(call: Promise<unknown>): Promise<{ code: number; reason: string; message: string }> {
  try {
    await call;
  } catch (err) {
    const e = err as { code: number; body: string };
    return { ...JSON.parse(e.body), code: e.code };
  }
  throw new Error('expected the call to fail');
}

describe('CRUD', () => {
  it('creates, reads, lists and deletes with resourceVersions from one sequence', async () => {
    const created = await apps.createNamespacedDeployment({ namespace: 'team-a', body: deployment('crud', { tier: 'web' }) });
    expect(created.metadata?.uid).toBeTruthy();
    expect(created.metadata?.generation).toBe(1);
    const got = await apps.readNamespacedDeployment({ namespace: 'team-a', name: 'crud' });
    expect(got.metadata?.uid).toBe(created.metadata?.uid);
    expect(Number(got.metadata?.resourceVersion)).toBeGreaterThanOrEqual(Number(created.metadata?.resourceVersion));
    const list = await apps.listNamespacedDeployment({ namespace: 'team-a', labelSelector: 'tier in (web,api)' });
    expect(list.items.map((d) => d.metadata?.name)).toContain('crud');
    expect(Number(list.metadata?.resourceVersion)).toBeGreaterThanOrEqual(Number(created.metadata?.resourceVersion));
    await apps.deleteNamespacedDeployment({ namespace: 'team-a', name: 'crud' });
    expect((await statusOf(apps.readNamespacedDeployment({ namespace: 'team-a', name: 'crud' }))).reason).toBe('NotFound');
  });

  it('answers failures with Kubernetes Status objects', async () => {
    await apps.createNamespacedDeployment({ namespace: 'team-a', body: deployment('dup') });
    const exists = await statusOf(apps.createNamespacedDeployment({ namespace: 'team-a', body: deployment('dup') }));
    expect(exists).toMatchObject({ code: 409, reason: 'AlreadyExists', message: 'deployments.apps "dup" already exists' });
    const noNs = await statusOf(apps.createNamespacedDeployment({ namespace: 'nowhere', body: deployment('x') }));
    expect(noNs).toMatchObject({ code: 404, reason: 'NotFound', message: 'namespaces "nowhere" not found' });
    const invalid = await statusOf(apps.createNamespacedDeployment({ namespace: 'team-a', body: deployment('Bad_Name') }));
    expect(invalid).toMatchObject({ code: 422, reason: 'Invalid' });
    const badSelector = await statusOf(apps.listNamespacedDeployment({ namespace: 'team-a', labelSelector: 'a in (' }));
    expect(badSelector).toMatchObject({ code: 400, reason: 'BadRequest' });
  });

  it('rejects an update from a stale resourceVersion with 409 Conflict', async () => {
    const secret = await core.createNamespacedSecret({ namespace: 'team-a', body: { metadata: { name: 'cas' } } });
    const first = { ...secret, metadata: { ...secret.metadata, labels: { v: '1' } } };
    const updated = await core.replaceNamespacedSecret({ namespace: 'team-a', name: 'cas', body: first });
    expect(updated.metadata?.labels).toEqual({ v: '1' });
    const stale = { ...secret, metadata: { ...secret.metadata, labels: { v: '2' } } };
    const conflict = await statusOf(core.replaceNamespacedSecret({ namespace: 'team-a', name: 'cas', body: stale }));
    expect(conflict).toMatchObject({ code: 409, reason: 'Conflict' });
  });

  it('bumps generation on spec changes only', async () => {
    await apps.createNamespacedDeployment({ namespace: 'team-a', body: deployment('gen') });
    const read = () => apps.readNamespacedDeployment({ namespace: 'team-a', name: 'gen' });
    const d = await read();
    const labelled = await apps.replaceNamespacedDeployment({ namespace: 'team-a', name: 'gen', body: { ...d, metadata: { ...d.metadata, labels: { x: 'y' } } } });
    expect(labelled.metadata?.generation).toBe(1);
    const again = await read();
    const paused = await apps.replaceNamespacedDeployment({ namespace: 'team-a', name: 'gen', body: { ...again, spec: { ...again.spec!, paused: true } } });
    expect(paused.metadata?.generation).toBe(2);
  });

  it('pages a list with limit and continue, with no gap and no repeat', async () => {
    for (let i = 0; i < 7; i++) await core.createNamespacedSecret({ namespace: 'team-a', body: { metadata: { name: `page-${i}` }, data: {} } });
    const seen: string[] = [];
    let token: string | undefined;
    do {
      const page = await core.listNamespacedSecret({ namespace: 'team-a', limit: 3, _continue: token });
      seen.push(...page.items.map((s) => s.metadata!.name!));
      token = page.metadata?._continue;
      if (token) expect(page.metadata?.remainingItemCount).toBeGreaterThan(0);
    } while (token);
    expect(seen.filter((n) => n.startsWith('page-'))).toEqual(['page-0', 'page-1', 'page-2', 'page-3', 'page-4', 'page-5', 'page-6']);
  });

  it('cascades deletes to owned objects unless orphaned', async () => {
    const owner = await core.createNamespacedSecret({ namespace: 'team-a', body: { metadata: { name: 'owner' } } });
    const ref = [{ apiVersion: 'v1', kind: 'Secret', name: 'owner', uid: owner.metadata!.uid!, controller: true }];
    await core.createNamespacedSecret({ namespace: 'team-a', body: { metadata: { name: 'owned', ownerReferences: ref } } });
    await core.deleteNamespacedSecret({ namespace: 'team-a', name: 'owner' });
    expect((await statusOf(core.readNamespacedSecret({ namespace: 'team-a', name: 'owned' }))).reason).toBe('NotFound');

    const owner2 = await core.createNamespacedSecret({ namespace: 'team-a', body: { metadata: { name: 'owner2' } } });
    await core.createNamespacedSecret({ namespace: 'team-a', body: { metadata: { name: 'kept', ownerReferences: [{ ...ref[0]!, name: 'owner2', uid: owner2.metadata!.uid! }] } } });
    await core.deleteNamespacedSecret({ namespace: 'team-a', name: 'owner2', propagationPolicy: 'Orphan' });
    const kept = await core.readNamespacedSecret({ namespace: 'team-a', name: 'kept' });
    expect(kept.metadata?.ownerReferences).toBeUndefined();
  });
});

describe('watch', () => {
  type Seen = { type: string; name: string; rv: string };

  function watchInto(path: string, params: Record<string, string | number | boolean | undefined>, seen: Seen[]): Promise<{ abort(): void; done: Promise<unknown> }> {
    let finish: (err: unknown) => void = () => {};
    const done = new Promise((resolve) => (finish = resolve));
    return new Watch(kc)
      .watch(path, params, (type, obj) => seen.push({ type, name: obj?.metadata?.name, rv: obj?.metadata?.resourceVersion }), (err) => finish(err))
      .then((ctl) => ({ abort: () => ctl.abort(), done }));
  }

  it('streams ADDED, MODIFIED and DELETED in order from a resourceVersion', async () => {
    const start = (await core.listNamespacedSecret({ namespace: 'team-a' })).metadata!.resourceVersion!;
    const seen: Seen[] = [];
    const w = await watchInto('/api/v1/namespaces/team-a/secrets', { resourceVersion: start, labelSelector: 'watched=yes' }, seen);
    await core.createNamespacedSecret({ namespace: 'team-a', body: { metadata: { name: 'w1', labels: { watched: 'yes' } } } });
    await core.createNamespacedSecret({ namespace: 'team-a', body: { metadata: { name: 'ignored' } } });
    await core.patchNamespacedSecret({ namespace: 'team-a', name: 'w1', body: [{ op: 'add', path: '/metadata/annotations', value: { a: 'b' } }] });
    await core.deleteNamespacedSecret({ namespace: 'team-a', name: 'w1' });
    await until(() => seen.length >= 3);
    await new Promise((r) => setTimeout(r, 50)); // nothing further (the unlabelled secret) may arrive
    w.abort();
    expect(seen.map((e) => `${e.type} ${e.name}`)).toEqual(['ADDED w1', 'MODIFIED w1', 'DELETED w1']);
    const rvs = seen.map((e) => Number(e.rv));
    expect([...rvs].sort((a, b) => a - b)).toEqual(rvs);
  });

  it('sends an object that stops matching the selector as DELETED', async () => {
    await core.createNamespacedSecret({ namespace: 'team-a', body: { metadata: { name: 'flips', labels: { phase: 'on' } } } });
    const seen: Seen[] = [];
    const w = await watchInto('/api/v1/namespaces/team-a/secrets', { labelSelector: 'phase=on' }, seen);
    await until(() => seen.some((e) => e.name === 'flips'));
    await core.patchNamespacedSecret({ namespace: 'team-a', name: 'flips', body: [{ op: 'replace', path: '/metadata/labels/phase', value: 'off' }] });
    await until(() => seen.length >= 2);
    w.abort();
    expect(seen.filter((e) => e.name === 'flips').map((e) => e.type)).toEqual(['ADDED', 'DELETED']);
  });

  it('answers a resourceVersion older than its history with 410 Gone', async () => {
    const cluster = fleet.clusters[0]!;
    const old = cluster.store.resourceVersion;
    await core.createNamespacedSecret({ namespace: 'team-a', body: { metadata: { name: 'after-compaction' } } });
    cluster.store.compact();
    const seen: Seen[] = [];
    const errors: unknown[] = [];
    const ctl = await new Watch(kc).watch('/api/v1/namespaces/team-a/secrets', { resourceVersion: old }, (type, obj) => {
      if (type === 'ERROR') errors.push(obj);
      else seen.push({ type, name: obj.metadata.name, rv: obj.metadata.resourceVersion });
    }, () => {});
    await until(() => errors.length === 1);
    ctl.abort();
    expect(errors[0]).toMatchObject({ kind: 'Status', code: 410, reason: 'Expired' });
    expect(seen).toEqual([]);
  });

  it('sends bookmarks when asked', async () => {
    const sim = await startSimFleet({ clusters: 1, seed: 'empty', bookmarkIntervalMs: 20 });
    const kc2 = new KubeConfig();
    kc2.loadFromString(JSON.stringify(sim.kubeconfig()));
    const types: string[] = [];
    const ctl = await new Watch(kc2).watch('/api/v1/namespaces', { allowWatchBookmarks: true }, (type) => types.push(type), () => {});
    await until(() => types.includes('BOOKMARK'));
    ctl.abort();
    await sim.stop();
    expect(types.slice(0, 4)).toEqual(['ADDED', 'ADDED', 'ADDED', 'ADDED']);
  });
});

describe('faults and counters', () => {
  it('counts requests by verb and resource', async () => {
    const cluster = fleet.clusters[1]!;
    const kc2 = new KubeConfig();
    kc2.loadFromString(JSON.stringify({ ...fleet.kubeconfig(), "current-context": cluster.name }));
    const api = kc2.makeApiClient(CoreV1Api);
    cluster.counters.reset();
    await api.listNamespace();
    await api.listNamespace();
    await api.readNamespace({ name: 'default' });
    expect(cluster.counters.snapshot()).toEqual({ 'get namespaces': 1, 'list namespaces': 2 });
  });

  it('fails a share of requests with 429 and Retry-After', async () => {
    const cluster = fleet.clusters[0]!;
    cluster.faults.set({ errorRate: 1, errorStatus: 429, retryAfterSeconds: 3, match: { verb: 'list' } });
    try {
      const status = await statusOf(core.listNamespace());
      expect(status).toMatchObject({ code: 429, reason: 'TooManyRequests', details: { retryAfterSeconds: 3 } });
      await expect(core.readNamespace({ name: 'default' })).resolves.toBeTruthy();
    } finally {
      cluster.faults.clear();
    }
  });

  it('sends the status and headers of a stalled answer at once, and its body only after the stall', async () => {
    const cluster = fleet.clusters[0]!;
    cluster.faults.set({ bodyLatencyMs: 60_000, match: { verb: 'list', resource: 'namespaces' } });
    try {
      const response = await new Promise<IncomingMessage>((resolve, reject) => get(`${cluster.url}/api/v1/namespaces`, resolve).on('error', reject));
      // An answer sent whole is complete once what came with its headers is read.
      await new Promise(setImmediate);
      expect(response.statusCode).toBe(200);
      expect(response.complete).toBe(false);
      response.destroy();
      await expect(core.readNamespace({ name: 'default' })).resolves.toBeTruthy();
    } finally {
      cluster.faults.clear();
    }
  });

  it('refuses connections while down and serves again when up', async () => {
    const cluster = fleet.clusters[0]!;
    await cluster.down();
    await expect(core.listNamespace()).rejects.toMatchObject({ code: 'ECONNREFUSED' });
    await cluster.up();
    await expect(core.listNamespace()).resolves.toBeTruthy();
  });
});
