// The behaviour every GatewayStore adapter owes, run against each (store.test.ts).
import { randomBytes, randomUUID } from 'node:crypto';
import type { Operation, OperationKind, OperationParams, OperationTarget, TargetProgress } from '../../src/operations/model.js';
import { type IdempotencyKey, LeaseLostError } from '../../src/operations/ports.js';
import {
  CredentialsRefusedError,
  DuplicateKeyError,
  RecordNotFoundError,
  SecretKeyError,
  type AuditEntry,
  type GatewayStore,
  type HostNameClaim,
  type StoredCluster,
} from '../../src/store/index.js';

export interface HarnessOpenOptions {
  /** FLEETGRAPH_SECRET_KEY; absent: none */
  secretKey?: Buffer;
}

export interface StoreHarness {
  /** a fresh, empty store */
  open(options?: HarnessOpenOptions): Promise<GatewayStore>;
  /** closes the store and opens the same data again; absent for memory-only adapters */
  reopen?(store: GatewayStore, options?: HarnessOpenOptions): Promise<GatewayStore>;
  /** removes whatever open() created */
  cleanup?(): Promise<void>;
  /** everything the adapter keeps at rest, as text; absent for memory-only adapters */
  atRest?(): Promise<string>;
  /** what the adapter does with a token when no key is set: keeps it (private files, memory) or refuses it */
  withoutKey: 'keeps tokens' | 'refuses tokens';
}

/** The key the suite's stores are opened with, as FLEETGRAPH_SECRET_KEY would give it. */
export const SUITE_KEY = randomBytes(32);

const T0 = new Date('2026-09-01T10:00:00.000Z');
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);

export function cluster(name: string, over: Partial<StoredCluster> = {}): StoredCluster {
  return {
    name,
    server: `https://${name}.example:6443`,
    token: 'secret-token',
    certificateAuthorityData: null,
    insecureSkipTlsVerify: false,
    labels: { 'fleetgraph.io/env': 'prod', tier: 'gold', $odd: 'x%2E' },
    registeredBy: 'alice',
    createdAt: T0,
    ...over,
  };
}

function target(cluster: string, over: Partial<TargetProgress> = {}): OperationTarget {
  return {
    cluster, kind: 'Deployment', namespace: 'shop', name: 'api', status: 'PENDING',
    fromImage: 'acme/api:1.0', toImage: 'acme/api:1.1', message: null, startedAt: null, finishedAt: null,
    step: 'planned', changes: [{ container: 'api', from: 'acme/api:1.0', to: 'acme/api:1.1' }], previousRevision: null,
    ...over,
  };
}

const STRATEGY = { maxParallelClusters: 1, stopOnFailure: true, rollbackOnFailure: true, timeoutSeconds: 600 };
const PARAMS: Record<OperationKind, OperationParams> = {
  ROLLOUT: { kind: 'ROLLOUT', image: 'acme/api:1.1', strategy: STRATEGY, clusterOrder: ['prod-eu', 'prod-us'] },
  RESTART: { kind: 'RESTART', restartedAt: T0.toISOString(), strategy: STRATEGY, clusterOrder: [] },
  ROLLBACK: { kind: 'ROLLBACK', revision: 3, strategy: STRATEGY, clusterOrder: [] },
  HOST_RESTART: { kind: 'HOST_RESTART', maxUnavailable: 1, timeoutSeconds: 600 },
};

export function operation(over: Partial<Operation> = {}): Operation {
  const kind = over.kind ?? 'ROLLOUT';
  return {
    id: randomUUID(), kind, status: 'PENDING', dryRun: false, requestedBy: 'alice', idempotencyKey: null,
    createdAt: T0, startedAt: null, finishedAt: null, message: null,
    params: PARAMS[kind],
    cancelRequested: false, targets: [target('prod-eu'), target('prod-us')],
    ...over,
  };
}

export function storeSuite(harness: StoreHarness): void {
  let store: GatewayStore;
  beforeEach(async () => {
    store = await harness.open({ secretKey: SUITE_KEY });
  });
  afterEach(async () => {
    await store.close();
    await harness.cleanup?.();
  });

  describe('clusters', () => {
    it('keeps what was inserted, dates and dotted label keys included, listed by name', async () => {
      await store.clusters.insert(cluster('zeta'));
      await store.clusters.insert(cluster('alpha', { token: null, insecureSkipTlsVerify: true }));
      expect(await store.clusters.get('zeta')).toEqual(cluster('zeta'));
      expect((await store.clusters.get('zeta'))?.createdAt).toBeInstanceOf(Date);
      expect((await store.clusters.list()).map((c) => c.name)).toEqual(['alpha', 'zeta']);
      expect(await store.clusters.get('nope')).toBeUndefined();
    });

    it('refuses a taken name', async () => {
      await store.clusters.insert(cluster('prod'));
      await expect(store.clusters.insert(cluster('prod', { server: 'https://other' }))).rejects.toBeInstanceOf(DuplicateKeyError);
      expect(await store.clusters.list()).toHaveLength(1);
    });

    it('removes by name, saying whether there was one', async () => {
      await store.clusters.insert(cluster('prod'));
      expect(await store.clusters.remove('prod')).toBe(true);
      expect(await store.clusters.remove('prod')).toBe(false);
      expect(await store.clusters.list()).toEqual([]);
      await store.clusters.insert(cluster('prod'));
      expect(await store.clusters.get('prod')).toBeDefined();
    });
  });

  describe('operations', () => {
    it('creates and reads back an operation as given', async () => {
      const op = operation();
      expect(await store.operations.create(op)).toEqual({ operation: op, created: true });
      const read = await store.operations.get(op.id);
      expect(read).toEqual(op);
      expect(read?.createdAt).toBeInstanceOf(Date);
      expect(await store.operations.get(randomUUID())).toBeUndefined();
    });

    describe('idempotency keys', () => {
      const reservation = (over: Partial<IdempotencyKey> = {}): IdempotencyKey => ({
        principal: 'alice', key: 'k1', operationId: randomUUID(), requestHash: 'h1', createdAt: at(0), expiresAt: at(60), ...over,
      });

      it('lets one reservation in, even when raced; the others read it back', async () => {
        const first = reservation();
        expect(await store.operations.reserveKey(first)).toBeUndefined();
        expect(await store.operations.reserveKey(reservation({ requestHash: 'h2' }))).toEqual(first);
        const raced = await Promise.all(Array.from({ length: 20 }, () => store.operations.reserveKey(reservation({ key: 'k2', operationId: randomUUID() }))));
        expect(raced.filter((r) => r === undefined)).toHaveLength(1);
        expect(new Set(raced.filter((r) => r !== undefined).map((r) => r!.operationId)).size).toBe(1);
      });

      it('scopes keys to the principal, frees expired ones and gives back only its own', async () => {
        expect(await store.operations.reserveKey(reservation())).toBeUndefined();
        expect(await store.operations.reserveKey(reservation({ principal: 'bob' }))).toBeUndefined();
        const later = reservation({ createdAt: at(61), expiresAt: at(121) });
        expect(await store.operations.reserveKey(later)).toBeUndefined();
        await store.operations.releaseKey('alice', 'k1', randomUUID());
        expect(await store.operations.reserveKey(reservation({ createdAt: at(62) }))).toEqual(later);
        await store.operations.releaseKey('alice', 'k1', later.operationId);
        expect(await store.operations.reserveKey(reservation({ createdAt: at(62) }))).toBeUndefined();
      });
    });

    describe('target claims', () => {
      it('lets one operation hold a target, even when raced, and gives it back', async () => {
        const ops = Array.from({ length: 10 }, () => operation());
        for (const op of ops) await store.operations.create(op);
        const holders = await Promise.all(ops.map((op) => store.operations.claimTargets(op.id, ['c/Deployment/ns/b', 'c/Deployment/ns/a'], at(0))));
        const winners = ops.filter((_, i) => holders[i] === undefined);
        expect(winners).toHaveLength(1);
        expect(holders.filter((h) => h !== undefined).every((h) => h === winners[0]!.id)).toBe(true);
        // A claim is idempotent for its holder, and one key held is enough to refuse.
        expect(await store.operations.claimTargets(winners[0]!.id, ['c/Deployment/ns/a'], at(0))).toBeUndefined();
        const other = ops.find((op) => op !== winners[0])!;
        expect(await store.operations.claimTargets(other.id, ['c/Deployment/ns/z', 'c/Deployment/ns/a'], at(0))).toBe(winners[0]!.id);
        // The refused claim gave back what it took on the way.
        expect(await store.operations.claimTargets(randomUUID(), ['c/Deployment/ns/z'], at(0))).toBeUndefined();
        await store.operations.releaseTargets(winners[0]!.id);
        expect(await store.operations.claimTargets(other.id, ['c/Deployment/ns/a', 'c/Deployment/ns/b'], at(0))).toBeUndefined();
      });

      it('takes over a claim of a finished operation, and of one never written after a minute', async () => {
        const done = operation({ status: 'SUCCEEDED' });
        await store.operations.create(done);
        const ghost = randomUUID();
        expect(await store.operations.claimTargets(done.id, ['a'], at(0))).toBeUndefined();
        expect(await store.operations.claimTargets(ghost, ['b'], at(0))).toBeUndefined();
        expect(await store.operations.claimTargets(randomUUID(), ['a'], at(0))).toBeUndefined();
        expect(await store.operations.claimTargets(randomUUID(), ['b'], at(0.5))).toBe(ghost);
        expect(await store.operations.claimTargets(randomUUID(), ['b'], at(2))).toBeUndefined();
      });
    });

    describe('leases', () => {
      const lease = (owner: string, minute: number) => ({ owner, expiresAt: at(minute) });

      it('gives an unfinished operation to one owner until it expires, fencing the other\'s writes', async () => {
        const op = operation();
        await store.operations.create(op);
        expect(await store.operations.acquireLease(op.id, lease('a', 1), at(0))).toMatchObject({ id: op.id, lease: lease('a', 1) });
        expect(await store.operations.acquireLease(op.id, lease('b', 2), at(0.5))).toBeUndefined();
        expect(await store.operations.renewLease(op.id, lease('a', 3))).toBe(true);
        expect(await store.operations.acquireLease(op.id, lease('b', 4), at(2))).toBeUndefined();
        await store.operations.updateTarget(op.id, 0, { status: 'RUNNING' }, { owner: 'a' });
        expect(await store.operations.acquireLease(op.id, lease('b', 5), at(3))).toMatchObject({ lease: lease('b', 5) });
        expect(await store.operations.renewLease(op.id, lease('a', 6))).toBe(false);
        await expect(store.operations.updateTarget(op.id, 0, { status: 'FAILED' }, { owner: 'a' })).rejects.toBeInstanceOf(LeaseLostError);
        await expect(store.operations.update(op.id, { status: 'FAILED' }, { owner: 'a' })).rejects.toBeInstanceOf(LeaseLostError);
        expect((await store.operations.get(op.id))?.targets[0]?.status).toBe('RUNNING');
        await store.operations.releaseLease(op.id, 'a');
        expect((await store.operations.get(op.id))?.lease).toEqual(lease('b', 5));
        await store.operations.releaseLease(op.id, 'b');
        expect(await store.operations.acquireLease(op.id, lease('c', 1), at(0))).toMatchObject({ lease: lease('c', 1) });
      });

      it('gives no lease on a finished operation', async () => {
        const op = operation({ status: 'SUCCEEDED' });
        await store.operations.create(op);
        expect(await store.operations.acquireLease(op.id, lease('a', 1), at(0))).toBeUndefined();
      });
    });

    it('refuses a second operation with the same id', async () => {
      const op = operation();
      await store.operations.create(op);
      await expect(store.operations.create({ ...op, kind: 'RESTART' })).rejects.toBeInstanceOf(DuplicateKeyError);
    });

    describe('lists newest first, filtered', () => {
      const ops = {
        a: operation({ createdAt: at(1), kind: 'ROLLOUT', status: 'SUCCEEDED', targets: [target('prod-eu')] }),
        b: operation({ createdAt: at(3), kind: 'RESTART', status: 'RUNNING', targets: [target('staging')] }),
        c: operation({ createdAt: at(2), kind: 'HOST_RESTART', status: 'PENDING', targets: [target('prod-us'), target('staging')] }),
      };
      beforeEach(async () => {
        for (const op of Object.values(ops)) await store.operations.create(op);
      });

      it.each([
        ['no filter', {}, ['b', 'c', 'a']],
        ['kinds', { kinds: ['ROLLOUT', 'RESTART'] as const }, ['b', 'a']],
        ['status', { status: ['PENDING', 'SUCCEEDED'] as const }, ['c', 'a']],
        ['clusters', { clusters: ['staging'] }, ['b', 'c']],
        ['every criterion', { kinds: ['HOST_RESTART'] as const, status: ['PENDING'] as const, clusters: ['prod-us'] }, ['c']],
        ['null criteria', { kinds: null, status: null, clusters: null }, ['b', 'c', 'a']],
        ['nothing matching', { clusters: ['elsewhere'] }, []],
      ])('%s', async (_, filter, expected) => {
        const ids = (await store.operations.list(filter)).map((op) => op.id);
        expect(ids).toEqual(expected.map((key) => ops[key as keyof typeof ops].id));
      });

      it('lists unfinished ones oldest first', async () => {
        const { operations, malformed } = await store.operations.listUnfinished();
        expect(operations.map((op) => op.id)).toEqual([ops.c.id, ops.b.id]);
        expect(malformed).toEqual([]);
      });
    });

    it('updates fields, leaving absent ones alone', async () => {
      const op = operation();
      await store.operations.create(op);
      const updated = await store.operations.update(op.id, { status: 'RUNNING', startedAt: at(5), message: undefined });
      expect(updated).toEqual({ ...op, status: 'RUNNING', startedAt: at(5) });
      expect(await store.operations.get(op.id)).toEqual(updated);
      expect(await store.operations.update(op.id, {})).toEqual(updated);
      await expect(store.operations.update(randomUUID(), { status: 'FAILED' })).rejects.toBeInstanceOf(RecordNotFoundError);
    });

    it('updates one target, nested fields included, leaving the others alone', async () => {
      const op = operation();
      await store.operations.create(op);
      const changes = [{ container: 'side.car', from: 'a:1', to: 'a:2' }];
      const updated = await store.operations.updateTarget(op.id, 1, { status: 'RUNNING', step: 'changing', changes, previousRevision: 3, startedAt: at(7) });
      expect(updated.targets[0]).toEqual(op.targets[0]);
      expect(updated.targets[1]).toEqual({ ...op.targets[1], status: 'RUNNING', step: 'changing', changes, previousRevision: 3, startedAt: at(7) });
      expect(await store.operations.get(op.id)).toEqual(updated);
    });

    it('refuses a target or an operation that is not there', async () => {
      const op = operation();
      await store.operations.create(op);
      await expect(store.operations.updateTarget(op.id, 2, { status: 'FAILED' })).rejects.toThrow(`operation ${op.id} has no target 2`);
      await expect(store.operations.updateTarget(randomUUID(), 0, { status: 'FAILED' })).rejects.toBeInstanceOf(RecordNotFoundError);
      expect((await store.operations.get(op.id))?.targets).toHaveLength(2);
    });
  });

  describe('host names', () => {
    const claim = (host: string, environment: string, over: Partial<HostNameClaim> = {}): HostNameClaim => ({
      host, environment, state: 'pending', token: randomUUID(), at: T0, ...over,
    });

    it('keeps a claim as given, and lists an environment\'s by host name', async () => {
      const www = claim('www.acme.example', 'acme:production', { state: 'held' });
      await store.hostNames.insert(www);
      await store.hostNames.insert(claim('10.0.0.1', 'acme:production'));
      await store.hostNames.insert(claim('globex.example', 'globex:production'));
      expect(await store.hostNames.get('www.acme.example')).toEqual(www);
      expect((await store.hostNames.get('www.acme.example'))?.at).toBeInstanceOf(Date);
      expect(await store.hostNames.get('nope.example')).toBeUndefined();
      expect((await store.hostNames.listFor('acme:production')).map((c) => c.host)).toEqual(['10.0.0.1', 'www.acme.example']);
      expect(await store.hostNames.listFor('acme:none')).toEqual([]);
    });

    it('lets exactly one of many concurrent claims of a name win, every time', async () => {
      for (let round = 0; round < 20; round++) {
        const host = `race-${round}.example`;
        const claims = ['a', 'b', 'c', 'd'].map((env) => claim(host, `acme:${env}`));
        const settled = await Promise.allSettled(claims.map((c) => store.hostNames.insert(c)));
        const won = settled.flatMap((r, i) => (r.status === 'fulfilled' ? [claims[i]!] : []));
        expect(won).toHaveLength(1);
        for (const r of settled) if (r.status === 'rejected') expect(r.reason).toBeInstanceOf(DuplicateKeyError);
        expect(await store.hostNames.get(host)).toEqual(won[0]);
      }
    });

    it('changes and removes a claim only while it has the token read', async () => {
      const first = claim('qa.acme.example', 'acme:qa');
      await store.hostNames.insert(first);
      expect(await store.hostNames.update('qa.acme.example', 'stale-token', { state: 'held' })).toBe(false);
      expect(await store.hostNames.remove('qa.acme.example', 'stale-token')).toBe(false);
      expect(await store.hostNames.get('qa.acme.example')).toEqual(first);

      const taken = { environment: 'acme:dev', state: 'pending' as const, token: randomUUID(), at: at(3) };
      expect(await store.hostNames.update('qa.acme.example', first.token, taken)).toBe(true);
      expect(await store.hostNames.get('qa.acme.example')).toEqual({ host: 'qa.acme.example', ...taken });
      // The first holder's token no longer names the claim.
      expect(await store.hostNames.remove('qa.acme.example', first.token)).toBe(false);
      expect(await store.hostNames.remove('qa.acme.example', taken.token)).toBe(true);
      expect(await store.hostNames.get('qa.acme.example')).toBeUndefined();
      expect(await store.hostNames.update('qa.acme.example', taken.token, { state: 'held' })).toBe(false);
      await store.hostNames.insert(claim('qa.acme.example', 'acme:qa'));
    });
  });

  describe('audit', () => {
    const entry = (action: string, minute: number, over: Partial<Omit<AuditEntry, 'id'>> = {}): Omit<AuditEntry, 'id'> => ({
      at: at(minute), principal: 'alice', action, args: { input: { name: 'x', 'dotted.key': '[redacted]' } },
      outcome: 'SUCCEEDED', error: null, operationId: null, finishedAt: at(minute), ...over,
    });

    it('appends entries with ids and lists them newest first', async () => {
      const first = await store.audit.append(entry('registerCluster', 1));
      expect(first).toEqual({ id: expect.any(String), ...entry('registerCluster', 1) });
      await store.audit.append(entry('unregisterCluster', 2));
      await store.audit.append(entry('rolloutImage', 2, { outcome: 'FAILED', error: { code: 'CONFLICT', message: 'busy' }, operationId: 'op-1' }));
      const listed = await store.audit.list();
      expect(listed.map((e) => e.action)).toEqual(['rolloutImage', 'unregisterCluster', 'registerCluster']);
      expect(listed[0]).toMatchObject({ outcome: 'FAILED', error: { code: 'CONFLICT', message: 'busy' }, operationId: 'op-1' });
      expect(listed[2]).toEqual(first);
    });

    it('keeps the order of entries written in the same millisecond', async () => {
      for (const action of ['a', 'b', 'c', 'd']) await store.audit.append(entry(action, 0));
      expect((await store.audit.list()).map((e) => e.action)).toEqual(['d', 'c', 'b', 'a']);
    });

    it('keeps arguments of any shape as they were given: reserved keys, lists nested deep', async () => {
      let nested: unknown = ['bottom'];
      for (let i = 0; i < 40; i++) nested = [nested];
      const args = { input: { '$where': 'x', 'a.b': { '%2E': 1 }, nested, at: '2026-09-01T10:00:00.000Z' } };
      const appended = await store.audit.append(entry('deployWorkload', 1, { args }));
      expect(appended.args).toEqual(args);
      expect(await store.audit.list()).toEqual([appended]);
    });

    it('settles a PENDING entry once, and nothing else', async () => {
      const pending = await store.audit.append(entry('scaleWorkload', 1, { outcome: 'PENDING', finishedAt: null }));
      const end = { outcome: 'FAILED' as const, error: { code: 'NOT_FOUND', message: 'no workload a.b' }, operationId: null, finishedAt: at(2) };
      const settled = await store.audit.settle(pending.id, end);
      expect(settled).toEqual({ ...pending, ...end });
      expect(await store.audit.list()).toEqual([settled]);
      await expect(store.audit.settle(pending.id, { ...end, outcome: 'SUCCEEDED', error: null })).rejects.toBeInstanceOf(RecordNotFoundError);
      await expect(store.audit.settle(randomUUID(), end)).rejects.toBeInstanceOf(RecordNotFoundError);
      expect(await store.audit.list()).toEqual([settled]);
    });

    describe('filters, counts and pages', () => {
      // minute: principal, action
      const written: [number, string, string][] = [
        [0, 'alice', 'scaleWorkload'], [1, 'bob', 'scaleWorkload'], [2, 'alice', 'cordonHost'],
        [3, 'bob', 'rolloutImage'], [3, 'alice', 'scaleWorkload'], [5, 'alice', 'rolloutImage'],
      ];
      let ids: string[];
      beforeEach(async () => {
        ids = [];
        for (const [minute, principal, action] of written) ids.push((await store.audit.append(entry(action, minute, { principal }))).id);
      });

      it.each([
        ['no filter', {}, [5, 4, 3, 2, 1, 0]],
        ['principal', { principal: 'bob' }, [3, 1]],
        ['action', { action: 'scaleWorkload' }, [4, 1, 0]],
        ['since, inclusive', { since: at(3) }, [5, 4, 3]],
        ['every criterion', { principal: 'alice', action: 'scaleWorkload', since: at(1) }, [4]],
        ['null criteria', { principal: null, action: null, since: null }, [5, 4, 3, 2, 1, 0]],
        ['nothing matching', { principal: 'carol' }, []],
      ])('%s', async (_, filter, expected) => {
        expect((await store.audit.list(filter)).map((e) => e.id)).toEqual(expected.map((i) => ids[i]));
        expect(await store.audit.count(filter)).toBe(expected.length);
      });

      it('pages after a position without repeats or gaps, entries of one minute included', async () => {
        const seen: string[] = [];
        let after: { at: Date; id: string } | undefined;
        for (;;) {
          const page = await store.audit.list({ limit: 2, after });
          if (page.length === 0) break;
          seen.push(...page.map((e) => e.id));
          after = page.at(-1)!;
          // Entries appended while paging are newer than any position: later pages never show them.
          await store.audit.append(entry('late', 9));
        }
        expect(seen).toEqual([5, 4, 3, 2, 1, 0].map((i) => ids[i]));
        expect((await store.audit.list({ action: 'rolloutImage', after: { at: at(5), id: ids[5]! } })).map((e) => e.id)).toEqual([ids[3]]);
      });
    });
  });

  credentialsSuite(harness, {
    get: () => store,
    set: (opened) => {
      store = opened;
    },
  });

  if (harness.reopen) {
    const reopen = harness.reopen;
    it('keeps everything across a restart', async () => {
      const op = operation({ idempotencyKey: 'k' });
      await store.clusters.insert(cluster('prod'));
      await store.operations.create(op);
      await store.operations.reserveKey({ principal: 'alice', key: 'k', operationId: op.id, requestHash: 'h', createdAt: at(0), expiresAt: at(60) });
      await store.operations.claimTargets(op.id, ['t'], at(0));
      await store.operations.updateTarget(op.id, 0, { status: 'SUCCEEDED', finishedAt: at(9) });
      const audited = await store.audit.append({ at: at(1), principal: 'alice', action: 'x', args: {}, outcome: 'PENDING', error: null, operationId: null, finishedAt: null });
      const hostClaim: HostNameClaim = { host: 'www.acme.example', environment: 'acme:production', state: 'held', token: randomUUID(), at: at(2) };
      await store.hostNames.insert(hostClaim);
      store = await reopen(store, { secretKey: SUITE_KEY });
      expect(await store.clusters.get('prod')).toEqual(cluster('prod'));
      const read = await store.operations.get(op.id);
      expect(read?.targets[0]?.finishedAt).toEqual(at(9));
      expect(read?.targets[0]?.finishedAt).toBeInstanceOf(Date);
      expect(await store.audit.list()).toEqual([audited]);
      // An attempt cut short by a restart is still there to settle.
      const end = { outcome: 'SUCCEEDED' as const, error: null, operationId: null, finishedAt: at(2) };
      expect(await store.audit.settle(audited.id, end)).toEqual({ ...audited, ...end });
      // The unique indexes and claims hold after a restart too.
      await expect(store.clusters.insert(cluster('prod'))).rejects.toBeInstanceOf(DuplicateKeyError);
      expect(await store.operations.reserveKey({ principal: 'alice', key: 'k', operationId: randomUUID(), requestHash: 'h', createdAt: at(1), expiresAt: at(2) })).toMatchObject({ operationId: op.id });
      expect(await store.operations.claimTargets(randomUUID(), ['t'], at(1))).toBe(op.id);
      expect(await store.hostNames.get('www.acme.example')).toEqual(hostClaim);
      await expect(store.hostNames.insert({ ...hostClaim, environment: 'acme:other' })).rejects.toBeInstanceOf(DuplicateKeyError);
    });
  }
}

// Cluster tokens at rest (FLEETGRAPH_SECRET_KEY). `current` is the suite's open store, replaced when a test reopens it.
function credentialsSuite(harness: StoreHarness, current: { get(): GatewayStore; set(store: GatewayStore): void }): void {
  describe('cluster credentials', () => {
    it('keeps tokens encrypted under the key: never in plain at rest, read back as given', async () => {
      await current.get().clusters.insert(cluster('prod', { token: 'plain-token-4711' }));
      expect((await current.get().clusters.get('prod'))?.token).toBe('plain-token-4711');
      if (harness.atRest) {
        const rest = await harness.atRest();
        expect(rest).toContain('prod');
        expect(rest).not.toContain('plain-token-4711');
        expect(rest).not.toContain(Buffer.from('plain-token-4711').toString('base64'));
      }
    });

    if (harness.reopen) {
      const reopen = harness.reopen;
      it.each([
        ['the same key', SUITE_KEY, undefined],
        ['another key', randomBytes(32), /FLEETGRAPH_SECRET_KEY \(key id [0-9a-f]{16}\) is not the key the token of registered cluster "prod" was encrypted with/],
        ['no key', undefined, /token of registered cluster "prod" is encrypted, and FLEETGRAPH_SECRET_KEY is not set/],
      ])('reopened with %s', async (_, secretKey, refusal) => {
        await current.get().clusters.insert(cluster('prod', { token: 'plain-token-4711' }));
        current.set(await reopen(current.get(), { secretKey }));
        if (!refusal) {
          expect(await current.get().clusters.list()).toEqual([cluster('prod', { token: 'plain-token-4711' })]);
          return;
        }
        await expect(current.get().clusters.list()).rejects.toThrow(refusal);
        await expect(current.get().clusters.get('prod')).rejects.toBeInstanceOf(SecretKeyError);
      });
    }

    if (harness.reopen && harness.withoutKey === 'keeps tokens') {
      const reopen = harness.reopen;
      it('encrypts tokens kept in plain once it is opened with a key', async () => {
        await current.get().close();
        current.set(await harness.open({}));
        await current.get().clusters.insert(cluster('prod', { token: 'plain-token-4711' }));
        if (harness.atRest) expect(await harness.atRest()).toContain('plain-token-4711');
        current.set(await reopen(current.get(), { secretKey: SUITE_KEY }));
        if (harness.atRest) expect(await harness.atRest()).not.toContain('plain-token-4711');
        expect((await current.get().clusters.get('prod'))?.token).toBe('plain-token-4711');
        current.set(await reopen(current.get(), {}));
        await expect(current.get().clusters.list()).rejects.toBeInstanceOf(SecretKeyError);
      });
    }

    it(`without a key, ${harness.withoutKey}; a cluster without a token is kept either way`, async () => {
      await current.get().close();
      current.set(await harness.open({}));
      const store = current.get();
      await store.clusters.insert(cluster('anonymous', { token: null }));
      const insert = store.clusters.insert(cluster('prod', { token: 'plain-token-4711' }));
      if (harness.withoutKey === 'keeps tokens') {
        await insert;
        expect((await store.clusters.get('prod'))?.token).toBe('plain-token-4711');
      } else {
        await expect(insert).rejects.toBeInstanceOf(CredentialsRefusedError);
        await expect(insert).rejects.toThrow(/token: .*FLEETGRAPH_SECRET_KEY/);
        expect(await store.clusters.get('prod')).toBeUndefined();
      }
      expect((await store.clusters.get('anonymous'))?.token).toBeNull();
    });
  });
}
