/**
 * Runs a task once fewer than `concurrency` others are running. A task whose `signal` aborts
 * before its turn comes is dropped, never run, and rejects with an AbortError; once running,
 * the task itself decides what the signal means.
 */
export type Limiter = <T>(task: () => Promise<T>, signal?: AbortSignal) => Promise<T>;

/** A first-come first-served limiter; a finished task hands its slot to the longest waiter. */
export function createLimiter(concurrency: number): Limiter {
  if (!Number.isInteger(concurrency) || concurrency < 1) throw new RangeError(`concurrency must be ≥ 1, got ${concurrency}`);
  let running = 0;
  const waiting: (() => void)[] = [];
  const turn = (signal: AbortSignal | undefined) =>
    new Promise<void>((resolve, reject) => {
      const onAbort = () => {
        waiting.splice(waiting.indexOf(go), 1);
        reject(abortError());
      };
      const go = () => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      waiting.push(go);
    });
  return async (task, signal) => {
    if (signal?.aborted) throw abortError();
    if (running < concurrency) running += 1;
    else await turn(signal);
    try {
      return await task();
    } finally {
      const next = waiting.shift();
      if (next) next();
      else running -= 1;
    }
  };
}

// As fetch rejects when its signal fires, so a cluster call classifies it (timeout or cancelled).
function abortError(): DOMException {
  return new DOMException('stopped while waiting for a turn', 'AbortError');
}
