// The engine's sharing and linger, with recorded streams and hand-driven timers.
import { createWatchEngine, type ResourceChange, type Timers } from '../../src/events/index.js';
import type { StreamOptions } from '../../src/events/stream.js';
import type { ClusterRegistry } from '../../src/fleet/index.js';
import { createLogger } from '../../src/logging/index.js';

function setUp({ lingerMs = 1000 } = {}) {
  const started: { options: StreamOptions; stopped: boolean }[] = [];
  const pending = new Map<number, { callback: () => void; ms: number }>();
  let nextHandle = 0;
  const timers: Timers = {
    set: (callback, ms) => {
      pending.set(++nextHandle, { callback, ms });
      return nextHandle;
    },
    clear: (handle) => pending.delete(handle as number),
  };
  const registry = { get: (name: string) => (name === 'missing' ? undefined : { client: {} }) } as unknown as Pick<ClusterRegistry, 'get'>;
  const engine = createWatchEngine({
    registry,
    logger: createLogger({ level: 'silent' }),
    lingerMs,
    timers,
    startStream: (options) => {
      const record = { options, stopped: false };
      started.push(record);
      return { state: () => ({ phase: 'listing' }), objects: async () => [], stop: async () => void (record.stopped = true) };
    },
  });
  const fire = () => {
    const due = [...pending.values()];
    pending.clear();
    due.forEach((t) => t.callback());
  };
  return { engine, started, pending, fire };
}

const change = (name: string): ResourceChange => ({
  type: 'ADDED',
  cluster: 'c1',
  kind: 'Pod',
  namespace: 'ns',
  name,
  resourceVersion: '1',
  at: new Date(0),
  object: { metadata: { name } },
});

it('starts one stream per (cluster, kind), shared by its subscribers', () => {
  const { engine, started } = setUp();
  const got: string[] = [];
  engine.subscribe({ cluster: 'c1', kind: 'Pod' }, (c) => got.push(`one ${c.name}`));
  engine.subscribe({ cluster: 'c1', kind: 'Pod' }, (c) => got.push(`two ${c.name}`));
  engine.subscribe({ cluster: 'c1', kind: 'Node' }, () => {});
  engine.subscribe({ cluster: 'c2', kind: 'Pod' }, () => {});
  expect(started.map((s) => `${s.options.key.cluster}/${s.options.key.kind}`)).toEqual(['c1/Pod', 'c1/Node', 'c2/Pod']);
  started[0]!.options.emit(change('p'));
  expect(got).toEqual(['one p', 'two p']);
  expect(engine.streams().map((s) => s.subscribers)).toEqual([2, 1, 1]);
});

it('keeps a stream for lingerMs after its last subscriber, and reuses it when one comes back', () => {
  const { engine, started, pending, fire } = setUp({ lingerMs: 1234 });
  const off = engine.subscribe({ cluster: 'c1', kind: 'Pod' }, () => {});
  off();
  off(); // twice is harmless
  expect([...pending.values()].map((t) => t.ms)).toEqual([1234]);
  engine.subscribe({ cluster: 'c1', kind: 'Pod' }, () => {})();
  expect(started).toHaveLength(1);
  expect(pending.size).toBe(1);
  fire();
  expect(started[0]!.stopped).toBe(true);
  expect(engine.streams()).toEqual([]);
  engine.subscribe({ cluster: 'c1', kind: 'Pod' }, () => {});
  expect(started).toHaveLength(2);
});

it('keeps delivering to the others when one listener throws', () => {
  const { engine, started } = setUp();
  const got: string[] = [];
  engine.subscribe({ cluster: 'c1', kind: 'Pod' }, () => {
    throw new Error('boom');
  });
  engine.subscribe({ cluster: 'c1', kind: 'Pod' }, (c) => got.push(c.name));
  started[0]!.options.emit(change('p'));
  expect(got).toEqual(['p']);
});

it('refuses a cluster the registry does not know, and anything after stop, which stops every stream', async () => {
  const { engine, started } = setUp();
  expect(() => engine.subscribe({ cluster: 'missing', kind: 'Pod' }, () => {})).toThrow('no cluster named missing');
  engine.subscribe({ cluster: 'c1', kind: 'Pod' }, () => {});
  await engine.stop();
  expect(started[0]!.stopped).toBe(true);
  expect(() => engine.subscribe({ cluster: 'c1', kind: 'Pod' }, () => {})).toThrow('stopped');
});
