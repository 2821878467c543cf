// A GraphQL subscription's side of the engine: the streams its filter needs, its bounded
// queue, and how it ends when the client falls behind. Other event sources (operations) use
// the same queue (queued).
import type { GatewayError } from '../errors/index.js';
import { SubscriberTooSlowError } from './errors.js';
import { type ResourceEventFilter, compileFilter } from './filter.js';
import { createBoundedQueue } from './queue.js';
import type { ResourceChange, WatchEngine } from './types.js';

/** An item for the subscription's resolver: an event to send, or the error that ends it. */
export type Delivery<T> = { value: T } | { error: GatewayError };

/** Events one subscriber may have pending before it is ended; default of every subscription here. */
export const DEFAULT_QUEUE_LIMIT = 1000;

export interface QueueLimit {
  /** events a subscriber may have pending; one more ends it with SubscriberTooSlowError. Default 1000. */
  queueLimit?: number;
}

/**
 * Changes matching `filter` from every stream it selects. Ends itself (after a last
 * Delivery carrying SubscriberTooSlowError) when the consumer falls `queueLimit` behind;
 * the consumer's `return()` unsubscribes.
 * @throws BadUserInputError for a labelSelector that does not parse or an unknown cluster, before
 * subscribing anything.
 */
export function resourceChanges({
  engine,
  clusters,
  filter,
  queueLimit = DEFAULT_QUEUE_LIMIT,
}: { engine: Pick<WatchEngine, 'subscribe'>; clusters: readonly string[]; filter: ResourceEventFilter } & QueueLimit): AsyncIterableIterator<Delivery<ResourceChange>> {
  const compiled = compileFilter(filter, clusters);
  return queued<ResourceChange>(queueLimit, (push) =>
    compiled.clusters.flatMap((cluster) =>
      compiled.kinds.map((kind) => engine.subscribe({ cluster, kind }, (change) => {
        const selected = compiled.select(change);
        if (selected) push(selected);
      })),
    ),
  );
}

/**
 * Deliveries of whatever `subscribe` pushes, at most `limit` pending: one more ends the queue
 * with SubscriberTooSlowError. `subscribe` returns its unsubscribes, called when the queue ends.
 */
export function queued<T>(limit: number, subscribe: (push: (value: T) => void) => (() => void)[]): AsyncIterableIterator<Delivery<T>> {
  let unsubscribes: (() => void)[] = [];
  const queue = createBoundedQueue<Delivery<T>>({
    limit,
    overflowItem: () => ({ error: new SubscriberTooSlowError(limit) }),
    onEnd: () => unsubscribes.forEach((unsubscribe) => unsubscribe()),
  });
  unsubscribes = subscribe((value) => queue.push({ value }));
  return queue;
}
