// The operations engine under concurrency, partial failure and a second gateway, end to end
// against the simulator. Races run many times in a loop.
import { fromGlobalId, toGlobalId } from '../../src/model/ids.js';
import { startSimFleet } from '../../src/sim/fleet.js';
import type { KubeObject } from '../../src/sim/objects.js';
import { resourceByKind } from '../../src/sim/resources.js';
import { createEmbeddedStore } from '../../src/store/index.js';
import { type TestGateway, startTestGateway } from '../support/gateway.js';
import { attempt, finished, imageOf, mutate, patches } from '../support/operations.js';
import { eventually } from '../support/wait.js';

const SPEED = 50;
const ROUNDS = 5;
const storeId = (globalId: string) => fromGlobalId(globalId)!.parts[0]!;

describe('one operation per target', () => {
  let gw: TestGateway;
  beforeAll(async () => {
    gw = await startTestGateway({ speed: SPEED });
  });
  afterAll(() => gw.stop());

  const rollout = (image: string, more: object = {}) => attempt(gw, 'rolloutImage', 'RolloutImageInput', { image, clusters: ['staging'], namespaces: ['acme-staging'], ...more });

  it.each(Array.from({ length: ROUNDS }, (_, i) => [i]))('round %i: of two rollouts of one workload at once, one runs and the other is CONFLICT naming it', async (round) => {
    const images = [`acme/web:3.${round}.0`, `acme/web:3.${round}.1`];
    const patchesBefore = patches(gw, 'staging');
    const answers = await Promise.all(images.map((image) => rollout(image)));
    const started = answers.flatMap((a) => ('operation' in a ? [a.operation] : []));
    const refused = answers.flatMap((a) => ('code' in a ? [a] : []));
    expect(started).toHaveLength(1);
    expect(refused).toEqual([{ code: 'CONFLICT', message: expect.stringContaining(`held by operation ${started[0]!.id}`) }]);
    const done = await finished(gw, started[0]!.id);
    expect(done.status).toBe('SUCCEEDED');
    expect(imageOf(gw, 'staging', 'acme-staging', 'web')).toBe(done.targets[0]!.toImage);
    expect(patches(gw, 'staging')).toBe(patchesBefore + 1);
  });

  it('queues a second rollout with queue: true; it then finds the workload moved and does not patch it (no silent downgrade)', async () => {
    const newer = await mutate(gw, 'rolloutImage', 'RolloutImageInput', { image: 'acme/web:4.0.1', clusters: ['staging'], namespaces: ['acme-staging'] });
    const older = await mutate(gw, 'rolloutImage', 'RolloutImageInput', { image: 'acme/web:4.0.0', clusters: ['staging'], namespaces: ['acme-staging'], queue: true });
    const [newerDone, olderDone] = await Promise.all([finished(gw, newer.id), finished(gw, older.id)]);
    expect(newerDone.status).toBe('SUCCEEDED');
    // Planned while the newer one had not yet patched (else it plans nothing: 4.0.0 is no upgrade of 4.0.1).
    if (older.targets.length > 0) {
      expect(older).toMatchObject({ status: 'PENDING', message: `waiting: a target is held by operation ${newer.id}` });
      expect(olderDone.status).toBe('FAILED');
      expect(olderDone.targets[0]!.message).toMatch(/^not patched: changed since the operation was planned \(container web runs acme\/web:4\.0\.1, planned from acme\/web:3\.4\.\d\)/);
    }
    expect(imageOf(gw, 'staging', 'acme-staging', 'web')).toBe('acme/web:4.0.1');
  });
});

describe('idempotency keys', () => {
  let gw: TestGateway;
  beforeAll(async () => {
    gw = await startTestGateway({ speed: SPEED, operations: { idempotencyKeyTtlMs: 60_000 } });
  });
  afterAll(() => gw.stop());

  const countWithId = async (id: string) => (await gw.store.operations.list()).filter((op) => op.id === storeId(id)).length;

  it.each(Array.from({ length: 3 }, (_, i) => [i]))('round %i: 100 identical requests at once make exactly one operation', async (round) => {
    const input = { image: 'acme/api:9.9.9', dryRun: true, idempotencyKey: `same-${round}` };
    const answers = await Promise.all(Array.from({ length: 100 }, () => mutate(gw, 'rolloutImage', 'RolloutImageInput', input)));
    const ids = new Set(answers.map((op) => op.id));
    expect(ids.size).toBe(1);
    expect(await countWithId([...ids][0]!)).toBe(1);
  }, 120_000);

  it.each(Array.from({ length: 3 }, (_, i) => [i]))('round %i: different requests with one key at once: one wins, the rest are CONFLICT', async (round) => {
    const key = `different-${round}`;
    const answers = await Promise.all(
      Array.from({ length: 10 }, (_, i) => attempt(gw, 'rolloutImage', 'RolloutImageInput', { image: `acme/api:9.${i}.0`, dryRun: true, idempotencyKey: key })),
    );
    const won = answers.flatMap((a) => ('operation' in a ? [a.operation] : []));
    expect(won).toHaveLength(1);
    const refused = answers.filter((a) => 'code' in a);
    expect(refused).toHaveLength(9);
    for (const r of refused) expect(r).toEqual({ code: 'CONFLICT', message: expect.stringContaining(`idempotencyKey "${key}" was used for a different request (operation ${won[0]!.id})`) });
  });

  it('refuses the key for another mutation, and returns the first operation for the same request later', async () => {
    const workloads = [{ cluster: 'staging', namespace: 'acme-staging', kind: 'DEPLOYMENT', name: 'api' }];
    const first = await mutate(gw, 'restartWorkloads', 'RestartWorkloadsInput', { workloads, idempotencyKey: 'restart-1' });
    const other = await attempt(gw, 'rolloutImage', 'RolloutImageInput', { image: 'acme/api:9.9.9', dryRun: true, idempotencyKey: 'restart-1' });
    expect(other).toMatchObject({ code: 'CONFLICT' });
    await finished(gw, first.id);
    const again = await mutate(gw, 'restartWorkloads', 'RestartWorkloadsInput', { idempotencyKey: 'restart-1', workloads });
    expect(again.id).toBe(first.id);
  });
});

describe('idempotency keys expire', () => {
  it('names a new request once the key has expired', async () => {
    const gw = await startTestGateway({ operations: { idempotencyKeyTtlMs: 300 } });
    try {
      const input = { image: 'acme/api:9.9.9', dryRun: true, idempotencyKey: 'short' };
      const first = await mutate(gw, 'rolloutImage', 'RolloutImageInput', input);
      const later = await eventually(() => mutate(gw, 'rolloutImage', 'RolloutImageInput', { ...input, image: 'acme/api:9.9.8' }).catch(() => undefined), (op) => op !== undefined);
      expect(later!.id).not.toBe(first.id);
    } finally {
      await gw.stop();
    }
  });
});

describe('a cluster down', () => {
  let gw: TestGateway;
  beforeAll(async () => {
    // The down cluster refuses connections at once; the others get time to answer on a busy machine.
    gw = await startTestGateway({ speed: SPEED, timeoutMs: 5000 });
    await gw.fleet.cluster('prod-us').down();
  });
  afterAll(() => gw.stop());

  const unread = (t: { kind: string; name: string; status: string; message: string | null }) =>
    t.kind === 'Cluster' && t.name === 'prod-us' && t.status === 'FAILED' && /^cluster prod-us could not be read: /.test(t.message ?? '');
  const acme = { namespaces: ['acme-production'] };

  it.each([
    ['rolloutImage, fleet-wide', 'rolloutImage', 'RolloutImageInput', { image: 'acme/web:2.5.0', namespaces: ['acme-production'], strategy: { stopOnFailure: false } }],
    ['rolloutImage, clusters named', 'rolloutImage', 'RolloutImageInput', { image: 'acme/web:2.6.0', namespaces: ['acme-production'], clusters: ['prod-us', 'prod-eu'], strategy: { stopOnFailure: false } }],
    ['restartWorkloads by filter', 'restartWorkloads', 'RestartWorkloadsInput', { filter: { ...acme, labelSelector: 'tier=frontend' }, strategy: { stopOnFailure: false } }],
    ['restartWorkloads by name', 'restartWorkloads', 'RestartWorkloadsInput', { workloads: ['prod-us', 'prod-eu'].map((cluster) => ({ cluster, namespace: 'acme-production', kind: 'DEPLOYMENT', name: 'api' })), strategy: { stopOnFailure: false } }],
  ])('%s: the others proceed, the down one is a FAILED target with the reason', async (_, name, type, input) => {
    const dry = await mutate(gw, name, type, { ...input, dryRun: true });
    expect(dry.status).toBe('FAILED');
    expect(dry.targets.filter(unread)).toHaveLength(1);
    expect(dry.targets.filter((t) => t.kind !== 'Cluster').every((t) => t.status === 'SKIPPED' && t.cluster === 'prod-eu')).toBe(true);

    const op = await finished(gw, (await mutate(gw, name, type, input)).id);
    expect(op.status).toBe('FAILED');
    expect(op.targets.filter(unread)).toHaveLength(1);
    const others = op.targets.filter((t) => t.kind !== 'Cluster');
    expect(others.length).toBeGreaterThan(0);
    expect(others.every((t) => t.cluster === 'prod-eu' && t.status === 'SUCCEEDED')).toBe(true);
  });

  it('stopOnFailure: what comes after the down cluster is skipped, what came before ran', async () => {
    const op = await finished(gw, (await mutate(gw, 'restartWorkloads', 'RestartWorkloadsInput', { filter: { labelSelector: 'tier=frontend', clusters: ['staging', 'prod-us', 'prod-eu'] } })).id);
    expect(op.targets.map((t) => [t.cluster, t.kind, t.status])).toEqual([
      ['staging', 'Deployment', 'SUCCEEDED'],
      ['prod-us', 'Cluster', 'FAILED'],
      ['prod-eu', 'Deployment', 'SKIPPED'],
    ]);
  });

  it('restartHosts on the down cluster, and its dry run: one FAILED target with the reason', async () => {
    for (const dryRun of [true, false]) {
      const started = await mutate(gw, 'restartHosts', 'RestartHostsInput', { cluster: 'prod-us', labelSelector: 'node-role.kubernetes.io/worker', dryRun });
      const op = await finished(gw, started.id);
      expect(op.status).toBe('FAILED');
      expect(op.targets).toHaveLength(1);
      expect(op.targets.filter(unread)).toHaveLength(1);
    }
  });
});

describe('operationUpdated', () => {
  it('publishes each change once: no payload repeats the one before it', async () => {
    const gw = await startTestGateway({ speed: SPEED });
    try {
      const seen = new Map<string, string[]>();
      gw.operationEvents.subscribe((op) => seen.set(op.id, [...(seen.get(op.id) ?? []), JSON.stringify(op)]));
      const op = await mutate(gw, 'rolloutImage', 'RolloutImageInput', { image: 'acme/web:2.5.0', clusters: ['staging', 'prod-eu'] });
      await finished(gw, op.id);
      const payloads = seen.get(op.id)!;
      expect(payloads.length).toBeGreaterThan(4);
      expect(new Set(payloads).size).toBe(payloads.length);
    } finally {
      await gw.stop();
    }
  });
});

describe('two gateways over one store', () => {
  it('only the lease holder drives; after it dies the other takes over once the lease expires, one patch per target', async () => {
    const fleet = await startSimFleet({ clusters: 3, speed: SPEED });
    const store = createEmbeddedStore({ inMemoryOnly: true });
    const leaseMs = 1000;
    const a = await startTestGateway({ fleet, store, operations: { owner: 'gateway-a', leaseMs } });
    const b = await startTestGateway({ fleet, store, operations: { owner: 'gateway-b', leaseMs } });
    try {
      const bSaw: string[] = [];
      b.operationEvents.subscribe((op) => bSaw.push(op.status));
      // prod-eu takes no new pods until the end: its rollout waits, patched, while the leases play out.
      const prodEu = fleet.cluster('prod-eu').store;
      const nodeRt = resourceByKind('Node');
      const cordon = (unschedulable: boolean) => {
        for (const node of prodEu.list(nodeRt)) prodEu.mutate(nodeRt, undefined, node.metadata.name, (n: KubeObject) => void (n.spec = { ...n.spec, unschedulable }));
      };
      cordon(true);
      const started = await mutate(a, 'rolloutImage', 'RolloutImageInput', { image: 'acme/web:2.5.0', clusters: ['staging', 'prod-eu', 'prod-us'] });
      const id = storeId(started.id);
      await eventually(() => store.operations.get(id), (op) => op!.targets[1]!.step === 'changed');
      // A renews its lease while B scans (every half lease): B never takes it.
      const firstExpiry = (await store.operations.get(id))!.lease!.expiresAt.getTime();
      await eventually(() => store.operations.get(id), (op) => op!.lease!.expiresAt.getTime() > firstExpiry + leaseMs);
      expect((await store.operations.get(id))!.lease!.owner).toBe('gateway-a');
      expect(bSaw).toEqual([]);

      await a.crash();
      // As if A had died right after patching, before writing that it had.
      await store.operations.updateTarget(id, 1, { step: 'changing' });
      cordon(false);
      const done = await finished(b, started.id, 20_000);
      expect(done.status).toBe('SUCCEEDED');
      expect((await store.operations.get(id))!.lease!.owner).toBe('gateway-b');
      expect(['staging', 'prod-eu', 'prod-us'].map((c) => fleet.cluster(c).counters.total('patch', 'deployments'))).toEqual([1, 1, 1]);
    } finally {
      await b.stop();
      await store.close();
      await fleet.stop();
    }
  });
});

describe('a host restart resumed after its reboot step was recorded', () => {
  const NODE = 'staging-node-2';
  // The gateway stopped after recording the step (with the node's boot id) and before — or
  // after — asking for the reboot; the node was cordoned and drained.
  it.each([
    ['not yet asked: asks once', (bootId: string) => bootId, 1],
    ['asked, and the node has rebooted since (a new boot): does not ask again', () => 'the-boot-before', 0],
  ])('%s', async (_, recordedBoot, reboots) => {
    const fleet = await startSimFleet({ clusters: 3, speed: SPEED, controllers: { rebootMs: 2000 } });
    const store = createEmbeddedStore({ inMemoryOnly: true });
    const nodes = fleet.cluster('staging').store;
    const nodeRt = resourceByKind('Node');
    const bootOf = () => nodes.get(nodeRt, undefined, NODE)!.status.nodeInfo.bootID as string;
    const bootBefore = bootOf();
    nodes.mutate(nodeRt, undefined, NODE, (n: KubeObject) => void (n.spec = { ...n.spec, unschedulable: true }));
    const at = new Date();
    await store.operations.create({
      id: 'resumed-host-restart', kind: 'HOST_RESTART', status: 'RUNNING', dryRun: false, requestedBy: 'test', idempotencyKey: null,
      createdAt: at, startedAt: at, finishedAt: null, message: null, cancelRequested: false,
      params: { kind: 'HOST_RESTART', maxUnavailable: 1, timeoutSeconds: 60 },
      targets: [{ cluster: 'staging', kind: 'Node', namespace: null, name: NODE, status: 'RUNNING', fromImage: null, toImage: null, message: null, startedAt: at, finishedAt: null, step: 'changed', changes: [], previousRevision: null, bootId: recordedBoot(bootBefore) }],
    });
    const gw = await startTestGateway({ fleet, store, timeoutMs: 5000 });
    try {
      const done = await finished(gw, toGlobalId('Operation', 'resumed-host-restart'), 20_000);
      expect(done).toMatchObject({ status: 'SUCCEEDED', targets: [{ message: null }] });
      const node = nodes.get(nodeRt, undefined, NODE)!;
      expect(node.spec.unschedulable).toBeFalsy();
      expect(bootOf() !== bootBefore ? 1 : 0).toBe(reboots);
      expect(node.metadata.annotations?.['fleetgraph.io/last-reboot'] === undefined ? 0 : 1).toBe(reboots);
    } finally {
      await gw.stop();
      await store.close();
      await fleet.stop();
    }
  });
});
