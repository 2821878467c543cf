// Waiting on a condition in tests: poll it, and fail with what was awaited after a bound,
// rather than sleeping a fixed time or hanging the suite.

const POLL_MS = 10;

/** Resolves once `check()` holds; rejects after `timeoutMs` naming `what`. */
export async function until(check: () => boolean, what = 'the condition', timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

/** Probes until `ok(value)` holds and returns that value; rejects after `timeoutMs` with the last value seen. */
export async function eventually<T>(probe: () => Promise<T> | T, ok: (value: T) => boolean, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (ok(value)) return value;
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms; last: ${JSON.stringify(value)?.slice(0, 500)}`);
    await new Promise((resolve) => setTimeout(resolve, POLL_MS * 2));
  }
}
