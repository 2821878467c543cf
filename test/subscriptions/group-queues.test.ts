// The shared-execution layer on a small real schema, in process: each event is resolved once
// per group whatever the subscribers, a subscriber that does not read is ended after its
// queue's bound while the others get every event, and the source ends with the last subscriber.
import { type ExecutionArgs, type ExecutionResult, GraphQLInt, GraphQLObjectType, GraphQLSchema, parse } from 'graphql';
import { LOCAL_PRINCIPAL, type Principal } from '../../src/auth/index.js';
import { scopeOf } from '../../src/auth/scope.js';
import { asksForInitialState, createSharedExecution, type SubscriberStream } from '../../src/subscriptions/index.js';

const LIMIT = 5;

/** A schema whose `ticks` subscription yields what `emit` is given; counts resolver runs and ended sources. */
function ticking() {
  const listeners = new Set<(n: number) => void>();
  const counts = { resolved: 0, sources: 0, ended: 0 };
  async function* source(): AsyncGenerator<number> {
    counts.sources++;
    const pending: number[] = [];
    let wake: (() => void) | undefined;
    const listener = (n: number) => (pending.push(n), wake?.());
    listeners.add(listener);
    try {
      for (;;) {
        while (pending.length > 0) yield pending.shift()!;
        await new Promise<void>((resolve) => (wake = resolve));
      }
    } finally {
      listeners.delete(listener);
      counts.ended++;
    }
  }
  const schema = new GraphQLSchema({
    query: new GraphQLObjectType({ name: 'Query', fields: { n: { type: GraphQLInt } } }),
    subscription: new GraphQLObjectType({
      name: 'Subscription',
      fields: { ticks: { type: GraphQLInt, subscribe: source, resolve: (n: number) => (counts.resolved++, n) } },
    }),
  });
  return { schema, counts, emit: (n: number) => listeners.forEach((l) => l(n)) };
}

function setup() {
  const { schema, counts, emit } = ticking();
  const shared = createSharedExecution<ExecutionResult>({
    prepare: (result) => result,
    overflow: (limit) => ({ errors: [{ message: `too slow: ${limit}` }] }) as unknown as ExecutionResult,
    principalOf: (ctx) => (ctx as { principal: Principal }).principal,
    queueLimitOf: () => LIMIT,
  });
  const join = async (principal: Principal = LOCAL_PRINCIPAL, query = 'subscription { ticks }') => {
    const args: ExecutionArgs = { schema, document: parse(query), contextValue: { principal } };
    return (await shared.subscribe(args)) as SubscriberStream<ExecutionResult>;
  };
  return { shared, counts, emit, join };
}

const take = async (stream: SubscriberStream<ExecutionResult>, n: number) => {
  const got: unknown[] = [];
  for (let i = 0; i < n; i++) got.push((await stream.next()).value);
  return got;
};
const settle = () => new Promise((resolve) => setImmediate(resolve));

it('resolves each event once for the group and hands every subscriber the same result', async () => {
  const { counts, emit, join, shared } = setup();
  const streams = await Promise.all(Array.from({ length: 50 }, () => join()));
  await settle();
  expect(shared.groups()).toEqual([expect.objectContaining({ subscribers: 50 })]);
  [1, 2, 3].forEach(emit);
  const received = await Promise.all(streams.map((s) => take(s, 3)));
  expect(counts).toMatchObject({ sources: 1, resolved: 3 });
  expect(received[0]).toEqual([{ data: { ticks: 1 } }, { data: { ticks: 2 } }, { data: { ticks: 3 } }]);
  received.forEach((r) => r.forEach((result, i) => expect(result).toBe(received[0]![i])));
  await Promise.all(streams.map((s) => s.return()));
});

it('keeps apart other documents and other principals', async () => {
  const { counts, join, shared } = setup();
  const eu: Principal = { ...LOCAL_PRINCIPAL, name: 'eu', scope: scopeOf({ clusters: ['prod-eu'] }) };
  const streams = [await join(), await join(eu), await join(LOCAL_PRINCIPAL, 'subscription Named { ticks }'), await join(LOCAL_PRINCIPAL, 'subscription { ticks }')];
  await settle();
  expect(shared.groups().map((g) => g.subscribers).sort()).toEqual([1, 1, 2]);
  expect(counts.sources).toBe(3);
  await Promise.all(streams.map((s) => s.return()));
});

it('ends a subscriber that does not read after its bound, while the others get every event', async () => {
  const { emit, join, shared } = setup();
  const [fast, slow] = [await join(), await join()];
  await settle();
  const events = Array.from({ length: 3 * LIMIT }, (_, i) => i);
  const fastGot: unknown[] = [];
  for (const n of events) {
    emit(n);
    fastGot.push(...(await take(fast!, 1)));
  }
  expect(fastGot).toEqual(events.map((n) => ({ data: { ticks: n } })));
  expect(await take(slow!, 1)).toEqual([{ errors: [{ message: `too slow: ${LIMIT}` }] }]);
  expect((await slow!.next()).done).toBe(true);
  expect(shared.groups()).toEqual([expect.objectContaining({ subscribers: 1 })]);
  await fast!.return();
});

it('ends the source when the last subscriber leaves, however joins and leaves interleave (200 rounds)', async () => {
  const { counts, emit, join, shared } = setup();
  for (let round = 0; round < 200; round++) {
    const joining = Array.from({ length: 1 + (round % 4) }, () => join());
    if (round % 2 === 0) emit(round);
    const streams = await Promise.all(joining);
    const [first, ...rest] = streams;
    await first!.return();
    if (rest.length > 0) {
      emit(round);
      for (const s of rest) expect(((await s.next()).value as ExecutionResult).data).toBeDefined();
    }
    await Promise.all(rest.map((s) => s.return()));
    await settle();
    expect(shared.groups()).toEqual([]);
  }
  // An async generator waiting inside takes return() at its next yield: one more event lets the last one end.
  emit(-1);
  await settle();
  expect(counts.ended).toBe(counts.sources);
});

it('hands every subscriber the error of a source that fails, then ends them', async () => {
  const schema = new GraphQLSchema({
    query: new GraphQLObjectType({ name: 'Query', fields: { n: { type: GraphQLInt } } }),
    subscription: new GraphQLObjectType({
      name: 'Subscription',
      fields: {
        ticks: {
          type: GraphQLInt,
          // eslint-disable-next-line require-yield
          subscribe: async function* () {
            await new Promise((resolve) => setImmediate(resolve));
            throw new Error('the stream broke');
          },
          resolve: (n: number) => n,
        },
      },
    }),
  });
  const shared = createSharedExecution<ExecutionResult>({
    prepare: (result) => result,
    overflow: () => ({}) as ExecutionResult,
    principalOf: () => LOCAL_PRINCIPAL,
    queueLimitOf: () => LIMIT,
  });
  const streams = (await Promise.all([1, 2].map(() => shared.subscribe({ schema, document: parse('subscription { ticks }') })))) as SubscriberStream<ExecutionResult>[];
  for (const stream of streams) {
    expect((await stream.next()).value).toEqual({ data: null, errors: [expect.objectContaining({ message: 'the stream broke' })] });
    expect((await stream.next()).done).toBe(true);
  }
  expect(shared.groups()).toEqual([]);
});

describe('a subscription asking for its initial state', () => {
  const { schema } = ticking();
  it.each([
    ['subscription { ticks(initial: true) }', undefined, true],
    ['subscription($i: Boolean) { ticks(initial: $i) }', { i: true }, true],
    ['subscription($i: Boolean) { ticks(initial: $i) }', {}, true],
    ['subscription($i: Boolean) { ticks(initial: $i) }', { i: false }, false],
    ['subscription($i: Boolean = false) { ticks(initial: $i) }', {}, false],
    ['subscription($i: Boolean = false) { ticks(initial: $i) }', { i: true }, true],
    ['subscription($i: Boolean = true) { ticks(initial: $i) }', {}, true],
    ['subscription { ticks(initial: false) }', undefined, false],
    ['subscription { ticks }', undefined, false],
    // its first event is always the current counts
    ['subscription { summaryChanged { workloads { total } } }', undefined, true],
  ])('%s with %j runs alone: %s', (query, variableValues, alone) => {
    expect(asksForInitialState({ document: parse(query), variableValues })).toBe(alone);
  });

  it('takes the source at its subscriber\'s pace: more results than its queue holds are no overflow', async () => {
    const { schema, emit } = ticking();
    const shared = createSharedExecution<ExecutionResult>({
      prepare: (result) => result,
      overflow: (limit) => ({ errors: [{ message: `too slow: ${limit}` }] }) as unknown as ExecutionResult,
      principalOf: () => LOCAL_PRINCIPAL,
      queueLimitOf: () => LIMIT,
      joinable: (args) => !asksForInitialState(args),
    });
    const stream = (await shared.subscribe({ schema, document: parse('subscription { ticks(initial: true) }'), contextValue: {} })) as SubscriberStream<ExecutionResult>;
    await settle();
    // The source holds what it is given (as a snapshot is held); the group takes it as the subscriber reads.
    for (let n = 0; n < LIMIT * 3; n++) emit(n);
    await settle();
    expect(await take(stream, LIMIT * 3)).toEqual(Array.from({ length: LIMIT * 3 }, (_, n) => ({ data: { ticks: n } })));
    await stream.return();
  });

  it('never joins a running group', async () => {
    const shared = createSharedExecution<ExecutionResult>({
      prepare: (result) => result,
      overflow: () => ({}) as ExecutionResult,
      principalOf: () => LOCAL_PRINCIPAL,
      queueLimitOf: () => LIMIT,
      joinable: (args) => !asksForInitialState(args),
    });
    const args = (query: string): ExecutionArgs => ({ schema, document: parse(query), contextValue: {} });
    const streams = (await Promise.all([
      shared.subscribe(args('subscription { ticks }')),
      shared.subscribe(args('subscription { ticks }')),
      shared.subscribe(args('subscription { ticks(initial: true) }')),
      shared.subscribe(args('subscription { ticks(initial: true) }')),
    ])) as SubscriberStream<ExecutionResult>[];
    await settle();
    expect(shared.groups().map((g) => g.subscribers).sort()).toEqual([1, 1, 2]);
    await Promise.all(streams.map((s) => s.return()));
  });
});
