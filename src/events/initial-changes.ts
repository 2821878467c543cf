// resourceChanged with `initial: true` (issue 11): an ADDED for every object matching the filter
// now, one SYNCED once every stream of the filter has been read, then the changes from there on,
// with none missed and none twice. It listens to the engine first and buffers, takes the engine's
// own snapshot of each stream (the caller's view of it: the scoped engine cuts both alike), then
// sends what the buffer holds beyond the snapshot (catch-up.ts) and goes on live.
import { ClusterUnavailableError, GatewayError } from '../errors/index.js';
import { KubeCallError } from '../kube/index.js';
import { changesAfter, objectKey } from './catch-up.js';
import { SubscriberTooSlowError } from './errors.js';
import { type ResourceEventFilter, compileFilter } from './filter.js';
import { createBoundedQueue } from './queue.js';
import type { KubeObjectLike } from './snapshot.js';
import { toResourceChange } from './stream.js';
import { DEFAULT_QUEUE_LIMIT, type Delivery, type QueueLimit } from './subscription.js';
import type { ResourceChange, StreamKey, WatchEngine, WatchedKind } from './types.js';

/** The mark between the snapshot and live changes; `kind` is the filter's first, as the schema's event needs one. */
export interface SyncedMark {
  type: 'SYNCED';
  kind: WatchedKind;
  /** when the snapshot was complete */
  at: Date;
}

export type ResourceStreamItem = ResourceChange | SyncedMark;

type WatchedObject = ResourceChange['object'];

export interface InitialChangesOptions extends QueueLimit {
  /** the caller's view of the engine: its snapshots and changes cut to the caller's scope alike */
  engine: Pick<WatchEngine, 'subscribe' | 'objects'>;
  /** the clusters the caller sees */
  clusters: readonly string[];
  filter: ResourceEventFilter;
  /** default the system clock */
  now?: () => Date;
}

/**
 * The snapshot, SYNCED, then live changes. Changes that come while the snapshot is taken wait in
 * a buffer of `queueLimit`; more end the subscription with SubscriberTooSlowError, as a full
 * queue does later. A stream whose first list fails ends it with CLUSTER_UNAVAILABLE for its
 * cluster (a snapshot without that cluster would not be the state the client asked for).
 * @throws BadUserInputError, as resourceChanges does, before subscribing anything.
 */
export function initialChanges({ engine, clusters, filter, queueLimit = DEFAULT_QUEUE_LIMIT, now = () => new Date() }: InitialChangesOptions): AsyncIterableIterator<Delivery<ResourceStreamItem>> {
  const compiled = compileFilter(filter, clusters);
  const keys = compiled.clusters.flatMap((cluster) => compiled.kinds.map((kind): StreamKey => ({ cluster, kind })));
  // While the snapshot is taken, changes wait in `buffer`; then they go live.
  const buffer = { changes: [] as ResourceChange[], overflowed: false, done: false };
  let unsubscribes: (() => void)[] = [];
  const live = createBoundedQueue<Delivery<ResourceStreamItem>>({
    limit: queueLimit,
    overflowItem: () => ({ error: new SubscriberTooSlowError(queueLimit) }),
    onEnd: () => unsubscribes.forEach((unsubscribe) => unsubscribe()),
  });
  const send = (change: ResourceChange) => {
    const selected = compiled.select(change);
    if (selected) live.push({ value: selected });
  };
  const receive = (change: ResourceChange) => {
    if (buffer.done) return send(change);
    if (buffer.changes.length < queueLimit) buffer.changes.push(change);
    else buffer.overflowed = true;
  };
  unsubscribes = keys.map((key) => engine.subscribe(key, receive));
  // Read once listening, so nothing can fall between the two.
  const reads = readAll(keys, (key) => engine.objects(key));
  // Awaited by run(); should the subscriber leave before, a failure has no one to reach.
  reads.catch(() => undefined);

  async function* run(): AsyncGenerator<Delivery<ResourceStreamItem>> {
    try {
      const read = await reads;
      if ('error' in read) return void (yield read);
      if (buffer.overflowed) return void (yield { error: new SubscriberTooSlowError(queueLimit) });
      const at = now();
      const listed = new Map<string, KubeObjectLike>();
      const snapshot: ResourceChange[] = [];
      keys.forEach((key, i) => {
        for (const object of read.lists[i]!) {
          listed.set(objectKey(key, object), object);
          const selected = compiled.select(toResourceChange(key, { type: 'ADDED', object }, at));
          if (selected) snapshot.push(selected);
        }
      });
      const pending = changesAfter(listed, buffer.changes);
      buffer.changes = [];
      buffer.done = true;
      pending.forEach(send);
      for (const change of snapshot) yield { value: change };
      yield { value: { type: 'SYNCED', kind: compiled.kinds[0]!, at: now() } };
      yield* live;
    } finally {
      await live.return?.();
    }
  }
  const generator = run();
  // Ending before the first next() skips run()'s finally: end the queue (and the listening) here too.
  const iterator: AsyncIterableIterator<Delivery<ResourceStreamItem>> = {
    next: () => generator.next(),
    return: async () => {
      await live.return?.();
      return generator.return(undefined);
    },
    throw: (error: unknown) => generator.throw(error),
    [Symbol.asyncIterator]: () => iterator,
  };
  return iterator;
}

async function readAll(keys: readonly StreamKey[], list: (key: StreamKey) => Promise<readonly WatchedObject[]>): Promise<{ lists: (readonly WatchedObject[])[] } | { error: GatewayError }> {
  const reads = await Promise.allSettled(keys.map(list));
  const lists: (readonly WatchedObject[])[] = [];
  for (const read of reads) {
    if (read.status === 'rejected') return { error: readError(read.reason) };
    lists.push(read.value);
  }
  return { lists };
}

/** A stream that could not be read: its cluster's failure, or the request's own deadline; anything else is not the client's to see. */
function readError(reason: unknown): GatewayError {
  if (reason instanceof KubeCallError) return ClusterUnavailableError.from(reason);
  if (reason instanceof GatewayError) return reason;
  throw reason;
}

