// Sinks end to end: the simulator → the watch engine → sinks → a local HTTP receiver, wired as
// startFleetgraph wires them.
import type { SinkConfig } from '../../src/config/index.js';
import { createWatchEngine, type WatchEngine } from '../../src/events/index.js';
import { createClusterRegistry, embeddedSource } from '../../src/fleet/index.js';
import { createLogger } from '../../src/logging/index.js';
import { startSinks, type SinkManager } from '../../src/sinks/index.js';
import { startSimFleet, type SimFleet } from '../../src/sim/fleet.js';
import { resourceByKind } from '../../src/sim/resources.js';
import { eventsOf, startReceiver, type Receiver } from './receiver.js';
import { until } from '../support/wait.js';

const DEPLOYMENT = resourceByKind('Deployment');
const NAMESPACE = 'acme-production';
const credentials = { username: 'fleet', password: 'p@ss:word' };

let fleet: SimFleet;
let engine: WatchEngine;
const logger = createLogger({ level: 'silent' });

beforeAll(async () => {
  fleet = await startSimFleet({ clusters: ['prod-eu'], speed: 20 });
  const registry = createClusterRegistry({ sources: [embeddedSource(fleet.kubeconfig(), { timeoutMs: 2000 })] });
  engine = createWatchEngine({ registry, logger, lingerMs: 0 });
});

afterAll(async () => {
  await engine.stop();
  await fleet.stop();
});

const sinkConfig = (url: string, overrides: Partial<SinkConfig> = {}): SinkConfig => ({
  name: 'audit',
  url,
  auth: credentials,
  kinds: ['deployments'],
  namespaces: [NAMESPACE],
  ignoreNamespaces: [],
  dropEvents: [],
  pruneFields: ['metadata.managedFields', 'status', 'spec.template.spec.containers.resources'],
  batchSize: 5,
  batchIntervalMs: 100,
  dedupeWindowMs: 60_000,
  maxQueued: 1000,
  timeoutMs: 2000,
  retryInitialDelayMs: 50,
  retryMaxDelayMs: 300,
  ...overrides,
});

/** Starts the sinks and waits until their streams watch, so every later write is a change they see. */
async function started(sinks: SinkConfig[]): Promise<SinkManager> {
  const manager = startSinks({ sinks, engine, clusters: fleet.clusters.map((c) => c.name), logger });
  await until(() => engine.streams().length > 0 && engine.streams().every((s) => s.state.phase === 'watching'), 'streams to watch');
  return manager;
}

type Draft = { metadata: { labels?: Record<string, string>; managedFields?: unknown[] }; status?: Record<string, unknown> };
function write(name: string, change: (draft: Draft) => void, { namespace = NAMESPACE, status = false } = {}) {
  fleet.cluster('prod-eu').store.mutate(DEPLOYMENT, namespace, name, change as never, status ? { subresource: 'status' } : {});
}

const label = (name: string, step: number, namespace = NAMESPACE) => write(name, (d) => void (d.metadata.labels = { ...d.metadata.labels, step: String(step) }), { namespace });

/** The `step` labels received for one deployment, in arrival order (events without one left out). */
function steps(receiver: Receiver, name: string): string[] {
  return eventsOf(receiver)
    .filter((e) => e.name === name)
    .map((e) => (e.object as { metadata: { labels?: Record<string, string> } }).metadata.labels?.step)
    .filter((step): step is string => step !== undefined);
}

describe('event sinks', () => {
  let receiver: Receiver;
  let manager: SinkManager | undefined;
  beforeEach(async () => {
    receiver = await startReceiver();
  });
  afterEach(async () => {
    await manager?.stop({ drainMs: 0 });
    await receiver.close();
  });

  it('receives batched, pruned, de-duplicated events, with basic auth', async () => {
    manager = await started([sinkConfig(receiver.url)]);
    label('api', 1);
    label('api', 2);
    label('api', 3);
    // Writes that change only what the sink ignores: managedFields, and status (pruned).
    write('api', (d) => void (d.metadata.managedFields = [{ manager: 'test', operation: 'Update' }]));
    write('api', (d) => void (d.status = { ...d.status, collisionCount: 7 }), { status: true });
    label('api', 4);
    label('worker', 1);
    label('grafana', 1, 'monitoring'); // not one of the sink's namespaces
    label('api', 5);
    await until(() => steps(receiver, 'api').includes('5') && steps(receiver, 'worker').includes('1'), 'the last change');

    expect(steps(receiver, 'api')).toEqual(['1', '2', '3', '4', '5']);
    expect(manager.stats().audit!.deduplicated).toBeGreaterThanOrEqual(2);
    const expectedAuth = `Basic ${Buffer.from('fleet:p@ss:word').toString('base64')}`;
    expect(receiver.received.map((r) => r.authorization)).toEqual(receiver.received.map(() => expectedAuth));
    const sizes = receiver.received.map((r) => r.payload.events.length);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(5);
    expect(Math.max(...sizes)).toBeGreaterThan(1);
    for (const { payload } of receiver.received) expect(payload).toMatchObject({ sink: 'audit', sentAt: expect.stringMatching(/Z$/) });
    const events = eventsOf(receiver);
    expect(new Set(events.map((e) => `${e.cluster} ${e.kind} ${e.namespace}`))).toEqual(new Set([`prod-eu Deployment ${NAMESPACE}`]));
    const api = events.find((e) => e.name === 'api')!;
    expect(api).toMatchObject({ type: 'MODIFIED', resourceVersion: expect.any(String), at: expect.any(String) });
    const object = api.object as { metadata: Record<string, unknown>; status?: unknown; spec: { template: { spec: { containers: Record<string, unknown>[] } } } };
    expect(object.metadata).not.toHaveProperty('managedFields');
    expect(object).not.toHaveProperty('status');
    expect(object.spec.template.spec.containers[0]).toMatchObject({ name: 'api' });
    expect(object.spec.template.spec.containers.every((c) => !('resources' in c))).toBe(true);
  });

  it('catches up after its receiver was down, in order and with nothing lost', async () => {
    manager = await started([sinkConfig(receiver.url, { name: 'catch-up', batchSize: 3, pruneFields: ['status'] })]);
    label('web', 0);
    await until(() => steps(receiver, 'web').includes('0'), 'the receiver to work');
    await receiver.close();
    for (let step = 1; step <= 10; step++) {
      label('web', step);
      if (step % 3 === 0) await new Promise((resolve) => setTimeout(resolve, 30));
    }
    await until(() => manager!.stats()['catch-up']!.failedAttempts >= 3, 'failed attempts while down');
    await receiver.reopen();
    await until(() => steps(receiver, 'web').includes('10'), 'the backlog');

    expect(steps(receiver, 'web')).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '10']);
    // The last batch leaves the queue when the receiver's answer is back, a moment after it arrived.
    await until(() => manager!.stats()['catch-up']!.queued === 0, 'the last batch to be acknowledged');
    expect(manager.stats()['catch-up']).toMatchObject({ dropped: 0, rejected: 0, queued: 0 });
  });
});
