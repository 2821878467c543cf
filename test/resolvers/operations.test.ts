// Long-running operations end to end: the gateway plans, writes and runs them against the
// simulator, and what is asserted is what a user (or the clusters) would see.
import { toGlobalId } from '../../src/model/ids.js';
import { RESTART_OPERATION_ANNOTATION } from '../../src/model/host.js';
import { startSimFleet } from '../../src/sim/fleet.js';
import type { KubeObject } from '../../src/sim/objects.js';
import { resourceByKind } from '../../src/sim/resources.js';
import { createEmbeddedStore } from '../../src/store/index.js';
import { type TestGateway, startTestGateway } from '../support/gateway.js';
import { type Operation, OPERATION_FIELDS, errorOf, finished, imageOf, mutate, patches, published } from '../support/operations.js';

const SPEED = 50;
const DEPLOYMENT = resourceByKind('Deployment');
const NODE = resourceByKind('Node');

// One gateway, tests in order: each starts from what the one before left.
describe('rolloutImage and restartHosts', () => {
  let gw: TestGateway;
  beforeAll(async () => {
    gw = await startTestGateway({ speed: SPEED, controllers: { rebootMs: 5000 } });
  });
  afterAll(() => gw.stop());

  it('rolls an image out cluster by cluster, one patch per workload, with per-target times', async () => {
    const seen: string[] = [];
    gw.operationEvents.subscribe((op) => seen.push(`${op.status}:${op.targets.map((t) => t.status[0]).join('')}`));
    const started = await mutate(gw, 'rolloutImage', 'RolloutImageInput', { image: 'acme/web:2.5.0', clusters: ['staging', 'prod-eu', 'prod-us'] });
    expect(started.status).toBe('PENDING');
    expect(started.targets.map((t) => [t.cluster, t.namespace, t.name, t.status, t.toImage])).toEqual([
      ['staging', 'acme-staging', 'web', 'PENDING', 'acme/web:2.5.0'],
      ['prod-eu', 'acme-production', 'web', 'PENDING', 'acme/web:2.5.0'],
      ['prod-us', 'acme-production', 'web', 'PENDING', 'acme/web:2.5.0'],
    ]);
    expect(started.targets.map((t) => t.fromImage)).toEqual(['acme/web:2.4.0', 'acme/web:2.3.0', 'acme/web:2.3.0']);

    const done = await finished(gw, started.id);
    expect(done).toMatchObject({ status: 'SUCCEEDED', progress: 1 });
    expect(done.targets.every((t) => t.status === 'SUCCEEDED' && t.startedAt && t.finishedAt)).toBe(true);
    // One cluster at a time: each target starts once the one before has finished.
    for (let i = 1; i < done.targets.length; i++) expect(Date.parse(done.targets[i]!.startedAt!)).toBeGreaterThanOrEqual(Date.parse(done.targets[i - 1]!.finishedAt!));
    for (const cluster of ['staging', 'prod-eu', 'prod-us']) {
      expect(imageOf(gw, cluster, cluster === 'staging' ? 'acme-staging' : 'acme-production', 'web')).toBe('acme/web:2.5.0');
      expect(patches(gw, cluster)).toBe(1);
    }
    expect(seen.at(0)).toBe('PENDING:PPP');
    expect(seen.at(-1)).toBe('SUCCEEDED:SSS');
    expect(seen).toContain('RUNNING:SRP');
  });

  it('rolls back the cluster that fails, skips the rest and fails the operation', async () => {
    // prod-us has no room for new pods (every node cordoned) and a short progress deadline,
    // so its rollout ends in ProgressDeadlineExceeded while the others' succeed.
    const prodUs = gw.fleet.cluster('prod-us').store;
    for (const node of prodUs.list(NODE)) prodUs.mutate(NODE, undefined, node.metadata.name, (n: KubeObject) => void (n.spec = { ...n.spec, unschedulable: true }));
    prodUs.mutate(DEPLOYMENT, 'acme-production', 'web', (d: KubeObject) => void (d.spec.progressDeadlineSeconds = 20));
    const patchesBefore = patches(gw, 'prod-eu');

    const started = await mutate(gw, 'rolloutImage', 'RolloutImageInput', { image: 'acme/web:2.6.0', clusters: ['staging', 'prod-us', 'prod-eu'] });
    const done = await finished(gw, started.id);
    expect(done.status).toBe('FAILED');
    expect(done.targets.map((t) => [t.cluster, t.status])).toEqual([
      ['staging', 'SUCCEEDED'],
      ['prod-us', 'FAILED'],
      ['prod-eu', 'SKIPPED'],
    ]);
    // Revision 2 is the 2.5.0 rollout of the test before.
    expect(done.targets[1]!.message).toMatch(/^rolled back to revision 2: progress deadline exceeded/);
    expect(imageOf(gw, 'prod-us', 'acme-production', 'web')).toBe('acme/web:2.5.0');
    expect(imageOf(gw, 'prod-eu', 'acme-production', 'web')).toBe('acme/web:2.5.0');
    expect(patches(gw, 'prod-eu')).toBe(patchesBefore);
  });

  it('never has more than maxUnavailable hosts out, as the cluster saw it', async () => {
    const store = gw.fleet.cluster('prod-eu').store;
    // Out: cordoned or not Ready. Tracked from every Node event the simulator emits.
    const out = new Set<string>();
    let most = 0;
    const unlisten = store.listen((event) => {
      if (event.rt.kind !== 'Node') return;
      const node = event.object;
      const ready = node.status?.conditions?.find((c: { type: string }) => c.type === 'Ready')?.status === 'True';
      if (node.spec?.unschedulable || !ready) out.add(node.metadata.name);
      else out.delete(node.metadata.name);
      most = Math.max(most, out.size);
    });
    const started = await mutate(gw, 'restartHosts', 'RestartHostsInput', { cluster: 'prod-eu', labelSelector: 'node-role.kubernetes.io/worker', maxUnavailable: 1 });
    expect(started.targets.map((t) => t.name)).toEqual(['prod-eu-node-2', 'prod-eu-node-3', 'prod-eu-node-4']);
    const done = await finished(gw, started.id, 15_000);
    unlisten();
    expect(done.status).toBe('SUCCEEDED');
    expect(most).toBe(1);
    for (const node of store.list(NODE)) {
      expect(node.spec?.unschedulable).toBeFalsy();
      expect(node.metadata.annotations?.[RESTART_OPERATION_ANNOTATION]).toBeUndefined();
    }
    expect(store.list(NODE).filter((n) => n.metadata.annotations?.['fleetgraph.io/last-reboot'])).toHaveLength(3);
  });
});

// One gateway for these: each works on workloads the others leave alone, and bad input
// (first, while nothing has run) writes nothing.
describe('restartWorkloads, rollbackWorkload, cancelOperation, dry runs, idempotency, bad input', () => {
  let gw: TestGateway;
  beforeAll(async () => {
    // Reboots here never end, and hosts get one second: the host test below times out.
    gw = await startTestGateway({ speed: SPEED, controllers: { rebootMs: 3_600_000 }, operations: { hostTimeoutSeconds: 1 } });
  });
  afterAll(() => gw.stop());

  const ref = (over: object = {}) => ({ cluster: 'prod-eu', namespace: 'acme-production', kind: 'DEPLOYMENT', name: 'web', ...over });
  it.each([
    ['rolloutImage', 'RolloutImageInput', { image: 'acme/web:2.5.0', clusters: ['nowhere'] }, 'BAD_USER_INPUT', /^input\.clusters: no cluster named nowhere$/],
    ['rolloutImage', 'RolloutImageInput', { image: 'Not An Image!' }, 'BAD_USER_INPUT', /image/],
    ['rolloutImage', 'RolloutImageInput', { image: 'acme/web:2.5.0', strategy: { maxParallelClusters: 0 } }, 'BAD_USER_INPUT', /maxParallelClusters: must be a whole number of at least 1/],
    ['rolloutImage', 'RolloutImageInput', { image: 'acme/web:2.5.0', strategy: { timeoutSeconds: 0 } }, 'BAD_USER_INPUT', /timeoutSeconds: must be a whole number of at least 1/],
    ['restartWorkloads', 'RestartWorkloadsInput', {}, 'BAD_USER_INPUT', /either workloads or filter/],
    ['restartWorkloads', 'RestartWorkloadsInput', { workloads: [ref()], filter: {} }, 'BAD_USER_INPUT', /either workloads or filter/],
    ['restartWorkloads', 'RestartWorkloadsInput', { workloads: [ref({ name: 'ghost' })] }, 'NOT_FOUND', /ghost/],
    ['restartWorkloads', 'RestartWorkloadsInput', { filter: { clusters: ['nowhere'], namespaces: ['acme-production'] } }, 'BAD_USER_INPUT', /^input\.filter\.clusters: no cluster named nowhere$/],
    ['restartWorkloads', 'RestartWorkloadsInput', { filter: { labelSelector: '!!' } }, 'BAD_USER_INPUT', /labelSelector/],
    ['rollbackWorkload', 'RollbackWorkloadInput', { workload: ref({ kind: 'STATEFULSET', name: 'postgres' }) }, 'NOT_FOUND', /StatefulSet prod-eu\/acme-production\/postgres has no previous revision/],
    ['rollbackWorkload', 'RollbackWorkloadInput', { workload: ref({ name: 'ghost' }) }, 'NOT_FOUND', /ghost/],
    ['rollbackWorkload', 'RollbackWorkloadInput', { workload: ref(), revision: 9 }, 'NOT_FOUND', /no revision 9/],
    ['rollbackWorkload', 'RollbackWorkloadInput', { workload: ref() }, 'NOT_FOUND', /no previous revision/],
    ['restartHosts', 'RestartHostsInput', { cluster: 'prod-eu' }, 'BAD_USER_INPUT', /either hosts or labelSelector/],
    ['restartHosts', 'RestartHostsInput', { cluster: 'prod-eu', hosts: ['prod-eu-node-2'], labelSelector: 'a=b' }, 'BAD_USER_INPUT', /either hosts or labelSelector/],
    ['restartHosts', 'RestartHostsInput', { cluster: 'prod-eu', hosts: ['prod-eu-node-2'], maxUnavailable: 0 }, 'BAD_USER_INPUT', /maxUnavailable: must be a whole number of at least 1/],
    ['restartHosts', 'RestartHostsInput', { cluster: 'prod-eu', labelSelector: 'a in (' }, 'BAD_USER_INPUT', /labelSelector/],
    ['restartHosts', 'RestartHostsInput', { cluster: 'prod-eu', hosts: ['ghost'] }, 'NOT_FOUND', /ghost/],
    ['restartHosts', 'RestartHostsInput', { cluster: 'nowhere', hosts: ['x'] }, 'NOT_FOUND', /nowhere/],
  ])('%s %j: %s, nothing written', async (name, type, input, code, message) => {
    const error = await errorOf(gw, name, type, input);
    expect(error.code).toBe(code);
    expect(error.message).toMatch(message);
    const { data } = await gw.query<{ operations: { totalCount: number } }>('{ operations { totalCount } }');
    expect(data!.operations.totalCount).toBe(0);
  });
  it('plans without changing anything on a dry run', async () => {
    const op = await mutate(gw, 'rolloutImage', 'RolloutImageInput', { image: 'acme/web:2.5.0', dryRun: true });
    expect(op).toMatchObject({ status: 'SUCCEEDED', dryRun: true, progress: 1 });
    expect(op.targets.map((t) => [t.cluster, t.status, t.fromImage, t.toImage])).toEqual([
      ['prod-eu', 'SKIPPED', 'acme/web:2.3.0', 'acme/web:2.5.0'],
      ['prod-us', 'SKIPPED', 'acme/web:2.3.0', 'acme/web:2.5.0'],
      ['staging', 'SKIPPED', 'acme/web:2.4.0', 'acme/web:2.5.0'],
    ]);
    expect(gw.fleet.clusters.map((c) => c.counters.total('patch') + c.counters.total('update'))).toEqual([0, 0, 0]);
  });

  it.each([
    ['an environment', { environments: ['acme:production'] }],
    ['environments, a kind and an image', { environments: ['acme:staging', 'globex:production'], kinds: ['DEPLOYMENT'], image: 'acme/' }],
  ])('restarts by %s exactly the workloads the workloads query finds', async (_what, filter) => {
    const query = 'query($f: WorkloadFilter) { workloads(filter: $f, first: 500) { nodes { namespace name cluster { name } } } }';
    const { data } = await gw.query<{ workloads: { nodes: { namespace: string; name: string; cluster: { name: string } }[] } }>(query, { f: filter });
    const found = data!.workloads.nodes.map((w) => `${w.cluster.name}/${w.namespace}/${w.name}`);
    const op = await mutate(gw, 'restartWorkloads', 'RestartWorkloadsInput', { filter, dryRun: true });
    expect(found.length).toBeGreaterThan(0);
    expect(op.targets.map((t) => `${t.cluster}/${t.namespace}/${t.name}`).sort()).toEqual(found.sort());
  });

  it('returns the same operation for the same idempotency key', async () => {
    const input = { workloads: [{ cluster: 'staging', namespace: 'acme-staging', kind: 'DEPLOYMENT', name: 'web' }], idempotencyKey: 'deploy-42' };
    const first = await mutate(gw, 'restartWorkloads', 'RestartWorkloadsInput', input);
    const second = await mutate(gw, 'restartWorkloads', 'RestartWorkloadsInput', input);
    expect(second.id).toBe(first.id);
    await finished(gw, first.id);
    const { data } = await gw.query<{ operations: { nodes: { id: string }[] } }>('{ operations { nodes { id } } }');
    expect(data!.operations.nodes.filter((op) => op.id === first.id)).toHaveLength(1);
    expect(patches(gw, 'staging')).toBe(1);
  });


  it('restarts as kubectl rollout restart does, then rolls back to the previous revision', async () => {
    const workload = { cluster: 'prod-us', namespace: 'acme-production', kind: 'DEPLOYMENT', name: 'web' };
    const restarted = await finished(gw, (await mutate(gw, 'restartWorkloads', 'RestartWorkloadsInput', { workloads: [workload] })).id);
    expect(restarted.status).toBe('SUCCEEDED');
    const web = () => gw.fleet.cluster('prod-us').store.get(DEPLOYMENT, 'acme-production', 'web')!;
    expect(web().spec.template.metadata.annotations['kubectl.kubernetes.io/restartedAt']).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);

    const rollback = await finished(gw, (await mutate(gw, 'rollbackWorkload', 'RollbackWorkloadInput', { workload })).id);
    expect(rollback).toMatchObject({ kind: 'ROLLBACK', status: 'SUCCEEDED' });
    expect(web().spec.template.metadata.annotations?.['kubectl.kubernetes.io/restartedAt']).toBeUndefined();
    expect(web().spec.template.metadata.labels['pod-template-hash']).toBeUndefined();
  });

  it('cancels: nothing new starts, the running target finishes, the operation ends CANCELLED', async () => {
    const filter = { clusters: ['prod-eu'], namespaces: ['acme-production'] };
    const started = await mutate(gw, 'restartWorkloads', 'RestartWorkloadsInput', { filter });
    expect(started.targets.length).toBeGreaterThan(2);
    const { data, errors } = await gw.query<{ cancelOperation: Operation }>(`mutation($id: ID!) { cancelOperation(id: $id) { ${OPERATION_FIELDS} } }`, { id: started.id });
    expect(errors).toBeUndefined();
    expect(data!.cancelOperation.targets.some((t) => t.status === 'CANCELLED')).toBe(true);
    const done = await finished(gw, started.id);
    expect(done.status).toBe('CANCELLED');
    expect(done.targets.filter((t) => t.status === 'CANCELLED').length).toBeGreaterThan(0);
    expect(done.targets.every((t) => ['SUCCEEDED', 'CANCELLED'].includes(t.status))).toBe(true);

    const again = await gw.query(`mutation($id: ID!) { cancelOperation(id: $id) { id } }`, { id: started.id });
    expect(again.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    const unknown = await gw.query(`mutation($id: ID!) { cancelOperation(id: $id) { id } }`, { id: toGlobalId('Operation', 'nope') });
    expect(unknown.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('stops a host restart at a host that does not come back, leaving it cordoned', async () => {
    const started = await mutate(gw, 'restartHosts', 'RestartHostsInput', { cluster: 'staging', hosts: ['staging-node-3', 'staging-node-2'] });
    const done = await finished(gw, started.id);
    expect(done.status).toBe('FAILED');
    expect(done.targets.map((t) => [t.name, t.status])).toEqual([
      ['staging-node-2', 'FAILED'],
      ['staging-node-3', 'SKIPPED'],
    ]);
    expect(done.targets[0]!.message).toBe('staging-node-2 did not come back Ready within 1 s');
    const { data } = await gw.query<{ cluster: { hosts: { name: string; status: string }[] } }>('{ cluster(name: "staging") { hosts { name status } } }');
    expect(data!.cluster.hosts.filter((h) => h.status !== 'ACTIVE')).toEqual([{ name: 'staging-node-2', status: 'RESTARTING' }]);
  });

});

describe('a gateway stopped mid-rollout', () => {
  it('resumes from the store, changing no target twice', async () => {
    const fleet = await startSimFleet({ clusters: 3, speed: SPEED });
    const store = createEmbeddedStore({ inMemoryOnly: true });
    try {
      const first = await startTestGateway({ fleet, store });
      const underWay = published(first, (op) => op.targets[1]?.status === 'RUNNING');
      const started = await mutate(first, 'rolloutImage', 'RolloutImageInput', { image: 'acme/web:2.5.0', clusters: ['staging', 'prod-eu', 'prod-us'] });
      await underWay;
      await first.stop();
      const [id] = [(await store.operations.list())[0]!.id];
      const left = (await store.operations.get(id))!;
      expect(left.status).toBe('RUNNING');
      expect(left.targets.map((t) => t.status)).toEqual(['SUCCEEDED', 'RUNNING', 'PENDING']);
      // As if the gateway had stopped right after patching, before writing that it had:
      // the resumed runner must see the change landed and not patch again.
      if (left.targets[1]!.step === 'changed') await store.operations.updateTarget(id, 1, { step: 'changing' });

      const second = await startTestGateway({ fleet, store });
      try {
        const done = await finished(second, started.id);
        expect(done.status).toBe('SUCCEEDED');
        expect(['staging', 'prod-eu', 'prod-us'].map((c) => fleet.cluster(c).counters.total('patch', 'deployments'))).toEqual([1, 1, 1]);
      } finally {
        await second.stop();
      }
    } finally {
      await store.close();
      await fleet.stop();
    }
  });
});
