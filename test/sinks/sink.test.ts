// The sink with its transport swapped for a recorder: batching, order, retries, overflow and
// isolation, with no network and no real waiting.
import { SINK_KINDS, type SinkConfig } from '../../src/config/index.js';
import type { ChangeType, ResourceChange } from '../../src/events/types.js';
import { createLogger } from '../../src/logging/index.js';
import type { PostOutcome } from '../../src/sinks/outcome.js';
import type { SinkPayload } from '../../src/sinks/payload.js';
import { createSink, type Sink } from '../../src/sinks/sink.js';
import type { Sleep } from '../../src/timing/index.js';
import { until } from '../support/wait.js';

const config = (overrides: Partial<SinkConfig> = {}): SinkConfig => ({
  name: 'test',
  url: 'http://127.0.0.1:1/',
  kinds: SINK_KINDS,
  ignoreNamespaces: [],
  dropEvents: [],
  pruneFields: [],
  batchSize: 2,
  batchIntervalMs: 0,
  dedupeWindowMs: 0,
  maxQueued: 100,
  timeoutMs: 1000,
  retryInitialDelayMs: 100,
  retryMaxDelayMs: 1000,
  ...overrides,
});

function change(name: string, replicas: number, type: ChangeType = 'MODIFIED'): ResourceChange {
  const object = { metadata: { name, namespace: 'default', resourceVersion: String(replicas), managedFields: [{ manager: 'x' }] }, spec: { replicas, selector: {}, template: {} } };
  return { type, cluster: 'prod-eu', kind: 'Deployment', namespace: 'default', name, resourceVersion: String(replicas), at: new Date(0), object };
}

/** A transport that answers from a script (then delivers), recording every payload. */
function recorder(script: PostOutcome[] = []) {
  const payloads: SinkPayload[] = [];
  const post = async (payload: SinkPayload) => {
    payloads.push(structuredClone(payload));
    return script.shift() ?? { kind: 'delivered' as const };
  };
  const sent = () => payloads.map((p) => p.events.map((e) => `${e.name}@${e.resourceVersion}`));
  return { post, payloads, sent };
}

/** Records each wait and ends it on the next turn (or at once on abort). */
function recordingSleep() {
  const delays: number[] = [];
  const sleep: Sleep = (ms) => {
    delays.push(ms);
    return new Promise((resolve) => setImmediate(resolve));
  };
  return { sleep, delays };
}

const logger = createLogger({ level: 'silent' });
const sinks: Sink[] = [];
function sink(options: Omit<Parameters<typeof createSink>[0], 'logger'>): Sink {
  const created = createSink({ logger, random: () => 0, ...options });
  sinks.push(created);
  return created;
}
afterEach(async () => {
  await Promise.all(sinks.splice(0).map((s) => s.stop({ drainMs: 0 })));
});

describe('a sink', () => {
  it('posts in batches of batchSize, in order', async () => {
    const transport = recorder();
    const s = sink({ config: config(), post: transport.post });
    [1, 2, 3, 4, 5].forEach((n) => s.accept(change('api', n)));
    await until(() => s.stats().sent === 5, 'delivery');
    expect(transport.sent()).toEqual([['api@1', 'api@2'], ['api@3', 'api@4'], ['api@5']]);
    expect(transport.payloads[0]).toMatchObject({ sink: 'test', sentAt: expect.any(String) });
    expect(transport.payloads[0]!.events[0]).toMatchObject({ type: 'MODIFIED', cluster: 'prod-eu', kind: 'Deployment', namespace: 'default', at: '1970-01-01T00:00:00.000Z' });
  });

  it('waits batchIntervalMs for a batch to fill', async () => {
    const transport = recorder();
    const { sleep, delays } = recordingSleep();
    let t = 0;
    const s = sink({ config: config({ batchSize: 10, batchIntervalMs: 1000 }), post: transport.post, sleep, now: () => t });
    s.accept(change('api', 1));
    await until(() => delays.length > 0, 'a wait');
    expect(delays[0]).toBe(1000);
    expect(transport.payloads).toHaveLength(0);
    t = 1000;
    s.accept(change('api', 2));
    await until(() => s.stats().sent === 2, 'delivery');
    expect(transport.sent()).toEqual([['api@1', 'api@2']]);
  });

  it('retries a failing batch with capped, growing delays and Retry-After, keeping order', async () => {
    const transport = recorder([
      { kind: 'retry', reason: 'ECONNREFUSED' },
      { kind: 'retry', reason: 'HTTP 503' },
      { kind: 'retry', reason: 'HTTP 429', retryAfterMs: 2000 },
      { kind: 'retry', reason: 'timed out' },
      { kind: 'retry', reason: 'HTTP 500' },
      { kind: 'retry', reason: 'HTTP 500' },
    ]);
    const { sleep, delays } = recordingSleep();
    const s = sink({ config: config(), post: transport.post, sleep });
    [1, 2, 3].forEach((n) => s.accept(change('api', n)));
    await until(() => s.stats().sent === 3, 'delivery');
    // random() = 0: half of 100·2^(n-1), capped at 1000; the 429's Retry-After wins over 200.
    expect(delays).toEqual([50, 100, 2000, 400, 500, 500]);
    expect(s.stats()).toMatchObject({ sent: 3, failedAttempts: 6, queued: 0 });
    const delivered = transport.sent().slice(-2);
    expect(delivered).toEqual([['api@1', 'api@2'], ['api@3']]);
  });

  it('drops a refused batch, counts it, and goes on', async () => {
    const transport = recorder([{ kind: 'rejected', reason: 'HTTP 400' }]);
    const s = sink({ config: config(), post: transport.post });
    [1, 2, 3].forEach((n) => s.accept(change('api', n)));
    await until(() => s.stats().sent === 1, 'delivery');
    expect(s.stats()).toMatchObject({ sent: 1, rejected: 2, failedAttempts: 0 });
    expect(transport.sent()).toEqual([['api@1', 'api@2'], ['api@3']]);
  });

  it('drops the oldest beyond maxQueued while its endpoint is stuck, and counts them', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const payloads: SinkPayload[] = [];
    const post = async (payload: SinkPayload) => {
      payloads.push(payload);
      await gate;
      return { kind: 'delivered' as const };
    };
    const s = sink({ config: config({ batchSize: 2, maxQueued: 3 }), post });
    s.accept(change('a', 1));
    s.accept(change('a', 2));
    await until(() => payloads.length === 1, 'the first POST'); // a@1, a@2 in flight
    for (let n = 3; n <= 8; n++) s.accept(change('a', n));
    expect(s.stats()).toMatchObject({ dropped: 3, queued: 5 }); // 2 in flight + 3 waiting
    release();
    await until(() => s.stats().sent === 5, 'delivery');
    const names = payloads.flatMap((p) => p.events.map((e) => e.resourceVersion));
    expect(names).toEqual(['1', '2', '6', '7', '8']); // in order, the newest kept
  });

  it('is not held up by another sink whose endpoint hangs', async () => {
    // Hangs until aborted, as a POST to an endpoint that never answers would until its timeout.
    const hangs = (_payload: SinkPayload, signal: AbortSignal) =>
      new Promise<PostOutcome>((resolve) => signal.addEventListener('abort', () => resolve({ kind: 'retry', reason: 'timed out' })));
    const hung = sink({ config: config({ name: 'hung' }), post: hangs });
    const transport = recorder();
    const healthy = sink({ config: config({ name: 'healthy' }), post: transport.post });
    for (let n = 1; n <= 4; n++) {
      hung.accept(change('api', n));
      healthy.accept(change('api', n));
    }
    await until(() => healthy.stats().sent === 4, 'the healthy sink');
    expect(hung.stats()).toMatchObject({ sent: 0, queued: 4 });
  });

  it('sends an unchanged object once within the dedupe window, after pruning', async () => {
    const transport = recorder();
    const s = sink({ config: config({ dedupeWindowMs: 60_000, batchSize: 10, pruneFields: ['metadata.managedFields'] }), post: transport.post });
    s.accept(change('api', 1, 'ADDED'));
    const same = change('api', 1);
    s.accept({ ...same, resourceVersion: '99', object: { ...same.object, metadata: { ...same.object.metadata, resourceVersion: '99', managedFields: [] } } });
    s.accept(change('api', 2));
    s.accept(change('api', 2, 'DELETED'));
    await until(() => s.stats().sent === 3, 'delivery');
    expect(transport.payloads.flatMap((p) => p.events.map((e) => `${e.type}@${e.resourceVersion}`))).toEqual(['ADDED@1', 'MODIFIED@2', 'DELETED@2']);
    expect(transport.payloads[0]!.events[0]!.object).toEqual({ metadata: { name: 'api', namespace: 'default', resourceVersion: '1' }, spec: { replicas: 1, selector: {}, template: {} } });
    expect(s.stats().deduplicated).toBe(1);
  });

  it('sends what waits when stopped, then takes no more', async () => {
    const transport = recorder();
    const s = sink({ config: config({ batchSize: 10, batchIntervalMs: 60_000 }), post: transport.post });
    [1, 2, 3].forEach((n) => s.accept(change('api', n)));
    await s.stop();
    s.accept(change('api', 4));
    expect(transport.sent()).toEqual([['api@1', 'api@2', 'api@3']]);
  });

  it('gives up on a failing endpoint when stopped, without waiting out the backoff', async () => {
    const s = sink({ config: config({ retryInitialDelayMs: 60_000 }), post: async () => ({ kind: 'retry', reason: 'ECONNREFUSED' }) });
    s.accept(change('api', 1));
    await until(() => s.stats().failedAttempts === 1, 'a failure');
    const started = Date.now();
    await s.stop({ drainMs: 10_000 });
    expect(Date.now() - started).toBeLessThan(1000);
  });
});
