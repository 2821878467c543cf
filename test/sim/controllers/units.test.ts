// The pure pieces: hashes, defaults, the work queue.
import { ManualClock } from '../../../src/sim/clock.js';
import { applyDefaults } from '../../../src/sim/controllers/index.js';
import { podTemplateHash, revisionHash, safeEncodeString, sameJson, semanticEqual, semanticJson } from '../../../src/sim/controllers/hash.js';
import { scaledValue } from '../../../src/sim/controllers/defaults.js';
import { WorkQueue } from '../../../src/sim/controllers/queue.js';

const template = { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image: 'nginx:1.27' }] } };

describe('hashes', () => {
  it('write numbers in the vowel-free alphabet, one character per digit', () => {
    expect(safeEncodeString('0123456789')).toBe('456789bcdf');
    expect(podTemplateHash(template)).toMatch(/^[bcdfghjklmnpqrstvwxz2456789]{1,10}$/);
  });

  it('depend on content, not key order or empty members', () => {
    const reordered = { spec: { containers: [{ image: 'nginx:1.27', name: 'web', resources: {} }] }, metadata: { creationTimestamp: null, labels: { app: 'web' } } };
    expect(podTemplateHash(reordered)).toBe(podTemplateHash(template));
    expect(semanticJson(reordered)).toBe(semanticJson(template));
    expect(podTemplateHash({ ...template, spec: { containers: [{ name: 'web', image: 'nginx:1.28' }] } })).not.toBe(podTemplateHash(template));
  });

  it.each([
    [{ a: 1, b: [1, 2] }, { b: [1, 2], a: 1 }, true, true],
    [{ a: 1, b: undefined }, { a: 1 }, true, true],
    [{ a: 1, b: null }, { a: 1 }, false, true],
    [{ a: { b: {} }, c: [] }, {}, false, true],
    [[{}], [null], false, true],
    [[], [null], false, false],
    [{ a: 1 }, { a: '1' }, false, false],
    [{ a: [1, 2] }, { a: [2, 1] }, false, false],
  ])('compare %j and %j: same %p, semantically equal %p', (a, b, same, semantic) => {
    expect(sameJson(a, b)).toBe(same);
    expect(semanticEqual(a, b)).toBe(semantic);
    expect(semanticJson(a) === semanticJson(b)).toBe(semantic);
  });

  it('change with the collision count', () => {
    expect(new Set([podTemplateHash(template), podTemplateHash(template, 0), podTemplateHash(template, 1)]).size).toBe(3);
    expect(revisionHash(template, 0)).not.toBe(revisionHash(template, 1));
  });
});

describe('scaledValue', () => {
  it.each([
    ['25%', 3, true, 1],
    ['25%', 3, false, 0],
    ['50%', 5, true, 3],
    [2, 10, false, 2],
    ['3', 10, true, 3],
    ['bogus', 10, true, 0],
  ] as const)('%p of %p (round up %p) is %p', (value, total, up, expected) => {
    expect(scaledValue(value, total, up)).toBe(expected);
  });
});

describe('applyDefaults', () => {
  it.each([
    ['Deployment', { replicas: 1, revisionHistoryLimit: 10, progressDeadlineSeconds: 600, strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' } } }],
    ['StatefulSet', { replicas: 1, podManagementPolicy: 'OrderedReady', revisionHistoryLimit: 10, updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 0 } } }],
    ['DaemonSet', { revisionHistoryLimit: 10, updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1, maxSurge: 0 } } }],
    ['ReplicaSet', { replicas: 1 }],
  ])('fills in a %s as the API server does, once', (kind, expected) => {
    const obj = applyDefaults(kind, { metadata: { name: 'x' }, spec: { template: structuredClone(template) } });
    expect(obj.spec).toMatchObject({ ...expected, template: { spec: { restartPolicy: 'Always', dnsPolicy: 'ClusterFirst', schedulerName: 'default-scheduler', terminationGracePeriodSeconds: 30 } } });
    expect(obj.spec.template.spec.containers[0]).toMatchObject({ imagePullPolicy: 'IfNotPresent', terminationMessagePath: '/dev/termination-log', terminationMessagePolicy: 'File', resources: {} });
    expect(applyDefaults(kind, structuredClone(obj))).toEqual(obj);
  });

  it('keeps what is set, and leaves Recreate without rollingUpdate', () => {
    const obj = applyDefaults('Deployment', { metadata: { name: 'x' }, spec: { replicas: 0, strategy: { type: 'Recreate' } } });
    expect(obj.spec).toMatchObject({ replicas: 0, strategy: { type: 'Recreate' } });
    expect(obj.spec.strategy.rollingUpdate).toBeUndefined();
  });

  it.each([
    ['nginx', 'Always'],
    ['nginx:latest', 'Always'],
    ['registry:5000/nginx', 'Always'],
    ['nginx:1.27', 'IfNotPresent'],
    ['nginx@sha256:abc', 'IfNotPresent'],
  ])('pulls %s with policy %s', (image, policy) => {
    const pod = applyDefaults('Pod', { metadata: { name: 'p' }, spec: { containers: [{ name: 'c', image }] } });
    expect(pod.spec.containers[0].imagePullPolicy).toBe(policy);
    expect(pod.status).toEqual({ phase: 'Pending', qosClass: 'BestEffort' });
  });
});

describe('the work queue', () => {
  function queue() {
    const clock = new ManualClock();
    const handled: string[] = [];
    const errors: string[] = [];
    const q = new WorkQueue({ clock, onError: (_e, { key }) => errors.push(key), maxRunsPerDrain: 3 });
    return { clock, q, handled, errors };
  }

  it('handles each waiting key once, in order', () => {
    const { q, handled } = queue();
    q.register('c', (key) => handled.push(key));
    for (const key of ['a', 'b', 'a', 'c', 'b']) q.add('c', key);
    q.drain();
    expect(handled).toEqual(['a', 'b', 'c']);
  });

  it('handles keys added while draining in the same drain', () => {
    const { q, handled } = queue();
    q.register('c', (key) => {
      handled.push(key);
      if (key === 'a') {
        q.add('c', 'b');
        q.drain();
      }
    });
    q.add('c', 'a');
    q.drain();
    expect(handled).toEqual(['a', 'b']);
  });

  it('delays with addAfter, the earliest request winning', () => {
    const { q, clock, handled } = queue();
    q.register('c', (key) => handled.push(`${key}@${clock.now() - Date.UTC(2026, 0, 1)}`));
    q.addAfter('c', 'a', 500);
    q.addAfter('c', 'a', 200);
    q.addAfter('c', 'a', 900);
    clock.advance(1_000);
    expect(handled).toEqual(['a@200']);
  });

  it('retries a failing key with backoff and parks one that never settles', () => {
    const { q, clock, handled, errors } = queue();
    let failures = 2;
    q.register('c', (key) => {
      if (key === 'flaky' && failures-- > 0) throw new Error('boom');
      if (key === 'loop') q.add('c', 'loop');
      handled.push(key);
    });
    q.add('c', 'flaky');
    q.drain();
    clock.advance(1_000);
    expect(handled).toEqual([]);
    clock.advance(2_000);
    expect(handled).toEqual(['flaky']);
    q.add('c', 'loop');
    q.drain();
    expect(errors).toEqual(['flaky', 'flaky', 'loop']);
  });
});

describe('events', () => {
  it('are counted when repeated and throttled per object like client-go', async () => {
    const { startHarness, node } = await import('./harness.js');
    const h = startHarness({ nodes: 0 });
    h.create({ kind: 'ReplicaSet', metadata: { name: 'api' }, spec: { replicas: 1, selector: { matchLabels: { app: 'api' } }, template: { metadata: { labels: { app: 'api' } }, spec: { containers: [{ name: 'c', image: 'x:1' }] } } } });
    const failed = () => h.list('Event', (e) => e.reason === 'FailedScheduling');
    expect(failed().map((e) => [e.count, e.message])).toEqual([[1, 'no nodes available to schedule pods']]);
    // every node change retries the pending pod; each retry is an event until the filter closes
    for (let i = 0; i < 40; i++) h.create({ ...node(`tainted-${i}`), spec: { taints: [{ key: 'dedicated', effect: 'NoSchedule' }] } });
    const counts = failed().reduce((n, e) => n + e.count, 0);
    expect(counts).toBe(25);
    h.advance(5 * 60 * 1000);
    h.create({ ...node('tainted-x'), spec: { taints: [{ key: 'dedicated', effect: 'NoSchedule' }] } });
    expect(failed().reduce((n, e) => n + e.count, 0)).toBe(26);
    h.stop();
    expect(h.errors).toEqual([]);
  });
});
