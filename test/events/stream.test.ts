// One (cluster, kind) stream against a scripted client: resume, relist, backoff, with no time passing.
import type { CachedKind, ResourceChange, StreamState } from '../../src/events/index.js';
import { currentObjects, startStream, type Stream } from '../../src/events/stream.js';
import { createLogger } from '../../src/logging/index.js';
import { fakeClient, obj, settle, unreachable } from './fake-client.js';

const AT = new Date('2026-05-01T00:00:00Z');

function start() {
  const fake = fakeClient();
  const changes: string[] = [];
  const delays: number[] = [];
  const stream: Stream = startStream({
    key: { cluster: 'c1', kind: 'Deployment' },
    client: fake.client,
    emit: (c: ResourceChange<CachedKind>) => changes.push(`${c.type} ${c.name}@${c.resourceVersion}`),
    logger: createLogger({ level: 'silent' }),
    now: () => AT,
    random: () => 0,
    backoff: { baseMs: 100, maxMs: 1000 },
    sleep: async (ms) => {
      delays.push(ms);
    },
  });
  return { ...fake, changes, delays, stream, phase: (): StreamState['phase'] => stream.state().phase };
}

let s: ReturnType<typeof start>;
afterEach(() => s.stream.stop());

it('learns what exists from the first list without reporting it, then watches from its resourceVersion', async () => {
  s = start();
  s.listReturns([obj('a', '1')], '5');
  await settle(() => s.watches.length === 1);
  expect(s.watches[0]!.resourceVersion).toBe('5');
  expect(s.phase()).toBe('connecting');
  s.watches[0]!.connect();
  expect(s.stream.state()).toEqual({ phase: 'watching', resourceVersion: '5' });
  s.watches[0]!.send({ type: 'MODIFIED', object: obj('a', '6') });
  s.watches[0]!.send({ type: 'ADDED', object: obj('b', '7') });
  expect(s.changes).toEqual(['MODIFIED a@6', 'ADDED b@7']);
});

it('resumes a cut watch from the last resourceVersion, bookmarks included, at once and without duplicates', async () => {
  s = start();
  s.listReturns([obj('a', '1')], '5');
  await settle(() => s.watches.length === 1);
  s.watches[0]!.send({ type: 'MODIFIED', object: obj('a', '6') });
  s.watches[0]!.send({ type: 'BOOKMARK', resourceVersion: '9' });
  s.watches[0]!.end({ reason: 'closed' });
  await settle(() => s.watches.length === 2);
  expect(s.watches[1]!.resourceVersion).toBe('9');
  s.watches[1]!.send({ type: 'MODIFIED', object: obj('a', '6') }); // replayed: dropped
  s.watches[1]!.send({ type: 'DELETED', object: obj('a', '10') });
  expect(s.changes).toEqual(['MODIFIED a@6', 'DELETED a@10']);
  expect(s.delays).toEqual([]);
  expect(s.listCalls()).toBe(1);
});

it('on 410 Gone lists again and reports only the differences', async () => {
  s = start();
  s.listReturns([obj('same', '1'), obj('changed', '2'), obj('gone', '3')], '5');
  await settle(() => s.watches.length === 1);
  s.watches[0]!.send({ type: 'BOOKMARK', resourceVersion: '6' });
  s.listReturns([obj('same', '1'), obj('changed', '8'), obj('new', '9')], '20');
  s.watches[0]!.end({ reason: 'gone' });
  await settle(() => s.watches.length === 2);
  expect(s.changes).toEqual(['MODIFIED changed@8', 'ADDED new@9', 'DELETED gone@3']);
  expect(s.watches[1]!.resourceVersion).toBe('20');
});

it('backs off exponentially while the cluster fails, and starts over once a watch makes progress', async () => {
  s = start();
  s.listFails();
  s.listFails();
  s.listReturns([], '5');
  await settle(() => s.watches.length === 1);
  s.watches[0]!.end(unreachable()); // no progress: a failure
  await settle(() => s.watches.length === 2);
  s.watches[1]!.end(unreachable());
  await settle(() => s.watches.length === 3);
  s.watches[2]!.send({ type: 'ADDED', object: obj('a', '6') });
  s.watches[2]!.end(unreachable()); // made progress: retried at once
  await settle(() => s.watches.length === 4);
  s.watches[3]!.end(unreachable());
  await settle(() => s.watches.length === 5);
  // random 0: half of 100·2^(n-1)
  expect(s.delays).toEqual([50, 100, 200, 400, 50]);
  expect(s.watches.map((w) => w.resourceVersion)).toEqual(['5', '5', '5', '6', '6']);
});

it('stops its watch when stopped', async () => {
  s = start();
  s.listReturns([], '5');
  await settle(() => s.watches.length === 1);
  await s.stream.stop();
  expect(s.phase()).toBe('stopped');
});

describe('currentObjects(): the snapshot a subscriber joins with the changes that follow', () => {
  const names = (objects: readonly { metadata?: { name?: string; resourceVersion?: string } }[]) => objects.map((o) => `${o.metadata?.name}@${o.metadata?.resourceVersion}`);

  it('waits for the first list, then holds the state every change emitted so far leads to', async () => {
    s = start();
    const first = currentObjects(s.stream);
    s.listReturns([obj('a', '1')], '5');
    expect(names(await first)).toEqual(['a@1']);
    await settle(() => s.watches.length === 1);
    s.watches[0]!.send({ type: 'MODIFIED', object: obj('a', '6') });
    s.watches[0]!.send({ type: 'ADDED', object: obj('b', '7') });
    expect(names(await currentObjects(s.stream))).toEqual(['a@6', 'b@7']);
    s.watches[0]!.send({ type: 'DELETED', object: obj('a', '8') });
    expect(names(await currentObjects(s.stream))).toEqual(['b@7']);
  });

  it('is taken when asked: a change emitted after the call is not in it', async () => {
    s = start();
    s.listReturns([obj('a', '1')], '5');
    await settle(() => s.watches.length === 1);
    const before = currentObjects(s.stream);
    s.watches[0]!.send({ type: 'MODIFIED', object: obj('a', '6') });
    expect(names(await before)).toEqual(['a@1']);
  });

  it('rejects with the first list failure, and answers again once a list succeeds', async () => {
    s = start();
    const first = currentObjects(s.stream);
    s.listFails();
    await expect(first).rejects.toMatchObject({ cluster: 'c1' });
    s.listReturns([obj('a', '1')], '5');
    await settle(() => s.watches.length === 1);
    expect(names(await currentObjects(s.stream))).toEqual(['a@1']);
  });
});
