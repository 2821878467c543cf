// One execution per group of alike subscriptions (group-key.ts): the first subscriber's
// arguments start graphql's subscribe(), every result is prepared once (formatted, bounded,
// serialized) and the same prepared value is handed to each subscriber's own bounded queue.
// A subscriber that falls `queueLimit` behind gets `overflow` last and ends; the others go on.
// One run alone (not joinable: its own snapshot first) is waited for instead of overflowing.
// The last subscriber leaving ends the group's source, and with it the upstream watches.
import { type ExecutionArgs, type ExecutionResult, GraphQLError, subscribe as graphqlSubscribe } from 'graphql';
import type { Principal } from '../auth/index.js';
import { type BoundedQueue, createBoundedQueue } from '../events/queue.js';
import { groupKey } from './group-key.js';

type Subscribe = (args: ExecutionArgs) => Promise<AsyncGenerator<ExecutionResult> | ExecutionResult> | AsyncGenerator<ExecutionResult> | ExecutionResult;

export interface SharedExecutionOptions<P> {
  /** Turns one result into what every subscriber of the group is sent; called once per result, with the group's context. */
  prepare: (result: ExecutionResult, contextValue: unknown) => P;
  /** What a subscriber that fell behind gets last, for its limit and its operation. */
  overflow: (limit: number, args: ExecutionArgs) => P;
  /** The principal a context belongs to (the scope part of the key). */
  principalOf: (contextValue: unknown) => Principal;
  /** Results one subscriber may have pending; one more ends it with `overflow`. */
  queueLimitOf: (contextValue: unknown) => number;
  /**
   * Whether a subscription may join a running group; false runs it alone (its own snapshot first,
   * say) and at its subscriber's pace: the next result is taken from the source once the
   * subscriber's queue has room, so a snapshot larger than the queue is not an overflow; what
   * piles up meanwhile is the source's to bound. Default: always.
   */
  joinable?: (args: ExecutionArgs) => boolean;
  /** Default graphql's subscribe. */
  subscribe?: Subscribe;
}

export interface GroupStatus {
  key: string;
  subscribers: number;
}

export interface SharedExecution<P> {
  /** graphql-ws's `subscribe`: this subscriber's stream of prepared results, or the errors that refused it. */
  subscribe(args: ExecutionArgs): Promise<SubscriberStream<P> | ExecutionResult>;
  /** The groups running now. */
  groups(): GroupStatus[];
}

/** What graphql-ws iterates for one subscriber; its return() (or throw()) unsubscribes. */
export type SubscriberStream<P> = AsyncIterableIterator<P> & Required<Pick<AsyncIterableIterator<P>, 'return' | 'throw'>>;

interface Group<P> {
  readonly members: Set<BoundedQueue<P>>;
  /** run for one subscriber (not joinable): paced by its queue */
  readonly alone: boolean;
  /** The source once subscribe() has answered; undefined before. */
  source?: AsyncGenerator<ExecutionResult>;
  /** subscribe()'s answer, awaited by whoever joins before it came. */
  readonly started: Promise<AsyncGenerator<ExecutionResult> | ExecutionResult>;
}

export function createSharedExecution<P>({ prepare, overflow, principalOf, queueLimitOf, joinable = () => true, subscribe = graphqlSubscribe }: SharedExecutionOptions<P>): SharedExecution<P> {
  const groups = new Map<string, Group<P>>();
  let alone = 0;

  const leave = (key: string, group: Group<P>, queue: BoundedQueue<P>) => {
    group.members.delete(queue);
    if (group.members.size > 0 || groups.get(key) !== group) return;
    groups.delete(key);
    void group.source?.return(undefined);
  };

  const pump = async (group: Group<P>, source: AsyncGenerator<ExecutionResult>, contextValue: unknown) => {
    try {
      for await (const result of source) {
        const prepared = prepare(result, contextValue);
        for (const queue of group.members) queue.push(prepared);
        if (group.alone) await Promise.all([...group.members].map((queue) => queue.room()));
      }
    } catch (error) {
      // A source that fails ends the group: every subscriber gets the error (masked by prepare's formatting) last.
      const failed = errorResult(error);
      let prepared: P | undefined;
      try {
        prepared = prepare(failed, contextValue);
      } catch {
        prepared = undefined;
      }
      if (prepared !== undefined) for (const queue of group.members) queue.push(prepared);
    } finally {
      // Whoever joins from now on starts a new group; those here take what they hold, then end.
      for (const [key, running] of groups) if (running === group) groups.delete(key);
      for (const queue of group.members) queue.close();
    }
  };

  const start = (key: string, args: ExecutionArgs, alone: boolean): Group<P> => {
    const group: Group<P> = { members: new Set(), alone, started: Promise.resolve(subscribe(args)) };
    groups.set(key, group);
    void group.started.then(
      (started) => {
        if (!isAsyncGenerator(started)) return void (groups.get(key) === group && groups.delete(key));
        group.source = started;
        if (group.members.size === 0) return void started.return(undefined);
        void pump(group, started, args.contextValue);
      },
      () => groups.get(key) === group && groups.delete(key),
    );
    return group;
  };

  return {
    async subscribe(args) {
      const shared = groupKey({ document: args.document, operationName: args.operationName, variables: args.variableValues, principal: principalOf(args.contextValue) });
      const own = !joinable(args);
      const key = own ? `${shared}#alone-${++alone}` : shared;
      const group = groups.get(key) ?? start(key, args, own);
      const limit = queueLimitOf(args.contextValue);
      const queue: BoundedQueue<P> = createBoundedQueue<P>({ limit, overflowItem: () => overflow(limit, args), onEnd: () => leave(key, group, queue) });
      group.members.add(queue);
      const started = await group.started;
      if (!isAsyncGenerator(started)) {
        queue.close();
        return started;
      }
      return asGenerator(queue);
    },
    groups: () => [...groups].map(([key, group]) => ({ key, subscribers: group.members.size })),
  };
}

/** graphql-ws ends a subscription through return(); throw() ends it too. */
function asGenerator<P>(queue: BoundedQueue<P>): SubscriberStream<P> {
  const end = () => queue.return?.() ?? Promise.resolve({ done: true as const, value: undefined });
  const generator: SubscriberStream<P> = {
    next: () => queue.next(),
    return: end,
    throw: async (error: unknown) => {
      await end();
      throw error;
    },
    [Symbol.asyncIterator]: () => generator,
  };
  return generator;
}

function isAsyncGenerator<T>(value: AsyncGenerator<T> | ExecutionResult): value is AsyncGenerator<T> {
  return typeof (value as AsyncGenerator<T>)[Symbol.asyncIterator] === 'function';
}

function errorResult(error: unknown): ExecutionResult {
  const graphqlError = error instanceof GraphQLError ? error : new GraphQLError(error instanceof Error ? error.message : String(error), { originalError: error instanceof Error ? error : undefined });
  return { data: null, errors: [graphqlError] };
}
