// summaryChanged's source on a recording engine and a clock that moves only when told: what
// it counts and sends, and when, with no time passing.
import type { ChangeListener, ResourceChange, StreamKey, WatchedKind } from '../../src/events/index.js';
import type { KubeObjects } from '../../src/kube/index.js';
import { type FleetSummaryRecord, SUMMARY_KINDS, summaryChanges } from '../../src/summary/index.js';

/** An engine whose streams the test feeds. */
function recordingEngine() {
  const listeners = new Map<string, Set<ChangeListener>>();
  const keyOf = ({ cluster, kind }: StreamKey) => `${cluster}/${kind}`;
  return {
    subscribe(key: StreamKey, listener: ChangeListener) {
      const set = listeners.get(keyOf(key)) ?? new Set();
      listeners.set(keyOf(key), set.add(listener));
      return () => void set.delete(listener);
    },
    emit(change: ResourceChange) {
      for (const listener of listeners.get(keyOf(change)) ?? []) listener(change);
    },
    streams: () => [...listeners].filter(([, set]) => set.size > 0).map(([key]) => key),
  };
}

/** Time that moves only through sleep: each sleep is recorded and ends when the test lets it. */
function manualTime() {
  let now = 0;
  const sleeps: number[] = [];
  let wake: (() => void) | undefined;
  return {
    now: () => now,
    advance: (ms: number) => void (now += ms),
    sleeps,
    sleep: (ms: number, signal: AbortSignal) =>
      new Promise<boolean>((resolve) => {
        sleeps.push(ms);
        wake = () => {
          now += ms;
          resolve(true);
        };
        signal.addEventListener('abort', () => resolve(false), { once: true });
      }),
    /** ends the sleep under way */
    wakeUp: () => wake?.(),
  };
}

/** A summary whose only telling number is `n`. */
const summary = (n: number): FleetSummaryRecord => ({
  workloads: { total: n, byStatus: [], byKind: [], byCluster: [], byNamespace: [] },
  hosts: { total: 0, byStatus: [], byCluster: [] },
  pods: { total: 0, ready: 0, notReady: 0, byPhase: [] },
});

const deployment = (replicas: number, labels: Record<string, string> = {}): KubeObjects['Deployment'] => ({ metadata: { namespace: 'shop', name: 'web', generation: 1, labels }, spec: { replicas } as KubeObjects['Deployment']['spec'], status: { observedGeneration: 1 } });
const pod = (namespace: string, phase: string): KubeObjects['Pod'] => ({ metadata: { namespace, name: 'p' }, status: { phase } });

function change<K extends WatchedKind>(kind: K, type: ResourceChange['type'], object: KubeObjects[K], previous?: KubeObjects[K]): ResourceChange {
  return { type, cluster: 'eu', kind, namespace: object.metadata?.namespace, name: object.metadata?.name ?? '', resourceVersion: '1', at: new Date(0), object, previous };
}

/** The source over `counts` (one per count asked, the last repeated), with its engine and time. */
function source({ counts, namespaces = null }: { counts: number[]; namespaces?: string[] | null }) {
  const engine = recordingEngine();
  const time = manualTime();
  let asked = 0;
  const count = () => Promise.resolve(summary(counts[Math.min(asked++, counts.length - 1)]!));
  const stream = summaryChanges({ engine, target: { clusters: ['eu', 'us'], namespaces }, count, intervalMs: 1000, now: time.now, sleep: time.sleep });
  return { engine, time, stream, asked: () => asked };
}

/** Lets pending promise callbacks run. */
const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('summaryChanges', () => {
  it('watches every counted kind of every cluster asked, until the consumer returns', async () => {
    const { engine, stream } = source({ counts: [1] });
    expect(engine.streams().sort()).toEqual(['eu', 'us'].flatMap((c) => SUMMARY_KINDS.map((k) => `${c}/${k}`)).sort());
    await stream.return!();
    expect(engine.streams()).toEqual([]);
  });

  it('sends the counts at once, then waits out the rest of the second after a change', async () => {
    const { engine, time, stream, asked } = source({ counts: [1, 2] });
    expect(await stream.next()).toEqual({ done: false, value: summary(1) });
    const next = stream.next();
    await settle();
    expect(asked()).toBe(1); // nothing changed: nothing counted
    time.advance(300);
    engine.emit(change('Deployment', 'ADDED', deployment(1)));
    await settle();
    expect(time.sleeps).toEqual([700]);
    expect(asked()).toBe(1);
    time.wakeUp();
    expect(await next).toEqual({ done: false, value: summary(2) });
    await stream.return!();
  });

  it('counts once for a burst of changes', async () => {
    const { engine, time, stream, asked } = source({ counts: [1, 2] });
    await stream.next();
    const next = stream.next();
    for (let i = 0; i < 50; i++) engine.emit(change('Pod', i % 2 ? 'ADDED' : 'DELETED', pod('shop', 'Running')));
    await settle();
    time.wakeUp();
    expect(await next).toEqual({ done: false, value: summary(2) });
    expect([asked(), time.sleeps]).toEqual([2, [1000]]);
    await stream.return!();
  });

  it('sends nothing when a recount finds the counts sent last, and the next counts that differ', async () => {
    const { engine, time, stream, asked } = source({ counts: [1, 1, 3] });
    await stream.next();
    const next = stream.next();
    engine.emit(change('Pod', 'ADDED', pod('shop', 'Running')));
    await settle();
    time.wakeUp();
    await settle();
    expect(asked()).toBe(2); // counted again: the same, so not sent
    engine.emit(change('Pod', 'DELETED', pod('shop', 'Running')));
    await settle();
    time.wakeUp();
    expect(await next).toEqual({ done: false, value: summary(3) });
    await stream.return!();
  });

  it.each([
    ['a relabel, the status unchanged', change('Deployment', 'MODIFIED', deployment(0, { a: 'b' }), deployment(0))],
    ['a pod modified in the same phase and readiness', change('Pod', 'MODIFIED', pod('shop', 'Running'), pod('shop', 'Running'))],
    ['a pod outside the namespaces asked', change('Pod', 'ADDED', pod('elsewhere', 'Running'))],
    ['a namespace', change('Namespace', 'ADDED', { metadata: { name: 'shop' } })],
  ])('counts nothing again for a change that moves no count: %s', async (_what, moved) => {
    const { engine, stream, asked } = source({ counts: [1, 2], namespaces: ['shop'] });
    await stream.next();
    const next = stream.next();
    engine.emit(moved);
    await settle();
    expect(asked()).toBe(1);
    await stream.return!();
    expect(await next).toEqual({ done: true, value: undefined });
  });

  it.each([
    ['a deployment scaled to zero', change('Deployment', 'MODIFIED', deployment(0), deployment(2))],
    ['a pod whose phase changed', change('Pod', 'MODIFIED', pod('shop', 'Running'), pod('shop', 'Pending'))],
    ['a change whose previous state is unknown', change('Pod', 'MODIFIED', pod('shop', 'Running'))],
    ['a node added (hosts have no namespace)', change('Node', 'ADDED', { metadata: { name: 'n1' } })],
  ])('counts again after a change that may move a count: %s', async (_what, moved) => {
    const { engine, time, stream } = source({ counts: [1, 2], namespaces: ['shop'] });
    await stream.next();
    const next = stream.next();
    engine.emit(moved);
    await settle();
    time.wakeUp();
    expect(await next).toEqual({ done: false, value: summary(2) });
    await stream.return!();
  });

  it('ends a next() waiting out the interval when the consumer returns, and stays ended', async () => {
    const { engine, stream, asked } = source({ counts: [1, 2] });
    await stream.next();
    const next = stream.next();
    engine.emit(change('Pod', 'ADDED', pod('shop', 'Running')));
    await settle();
    await stream.return!();
    expect(await next).toEqual({ done: true, value: undefined });
    expect(await stream.next()).toEqual({ done: true, value: undefined });
    expect(asked()).toBe(1);
  });
});
