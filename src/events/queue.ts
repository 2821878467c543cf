// A subscriber's queue: what the engine has handed it and it has not yet taken. Bounded, so
// a subscriber that cannot keep up costs a fixed amount of memory and then is ended.

export interface BoundedQueueOptions<T> {
  /** items held at most; one more overflows the queue. */
  limit: number;
  /**
   * What the consumer gets last when the queue overflows: what was held is dropped, this
   * item is delivered in its place, and the queue ends.
   */
  overflowItem: () => T;
  /** called once when the queue ends: overflow, `close()`, or the consumer's `return()` */
  onEnd?: () => void;
}

export interface BoundedQueue<T> extends AsyncIterableIterator<T> {
  /** false once the queue has ended (the item is dropped) */
  push(item: T): boolean;
  /** ends the queue after what it holds has been taken */
  close(): void;
  /** items waiting to be taken */
  readonly size: number;
  /**
   * Resolves once one more item fits without overflowing (at once if it does now), or the queue
   * has ended: a producer that can wait uses it to go at the consumer's pace.
   */
  room(): Promise<void>;
}

export function createBoundedQueue<T>({ limit, overflowItem, onEnd = () => {} }: BoundedQueueOptions<T>): BoundedQueue<T> {
  let items: T[] = [];
  let ended = false;
  let waiting: ((result: IteratorResult<T>) => void) | undefined;
  let producers: (() => void)[] = [];
  // Producers waiting for room go on once the queue is below its limit, or has ended.
  const release = () => {
    if (!ended && items.length >= limit) return;
    const released = producers;
    producers = [];
    released.forEach((resume) => resume());
  };
  const end = () => {
    if (ended) return;
    ended = true;
    onEnd();
    wake();
    release();
  };
  // Hands the consumer the next item, or says the queue is done once it is ended and empty.
  const wake = () => {
    if (!waiting) return;
    const next = items.shift();
    if (next === undefined && !ended) return;
    const resolve = waiting;
    waiting = undefined;
    resolve(next === undefined ? { done: true, value: undefined } : { done: false, value: next });
    release();
  };
  const queue: BoundedQueue<T> = {
    push(item) {
      if (ended) return false;
      if (items.length >= limit) {
        items = [overflowItem()];
        end();
        return false;
      }
      items.push(item);
      wake();
      return true;
    },
    close: end,
    get size() {
      return items.length;
    },
    room() {
      if (ended || items.length < limit) return Promise.resolve();
      return new Promise((resume) => producers.push(resume));
    },
    next() {
      const next = items.shift();
      release();
      if (next !== undefined) return Promise.resolve({ done: false, value: next });
      if (ended) return Promise.resolve({ done: true, value: undefined });
      return new Promise((resolve) => (waiting = resolve));
    },
    return() {
      items = [];
      end();
      return Promise.resolve({ done: true, value: undefined });
    },
    [Symbol.asyncIterator]() {
      return queue;
    },
  };
  return queue;
}
