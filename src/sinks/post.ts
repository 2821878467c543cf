// The one place a sink does HTTP.
import type { PostOutcome } from './outcome.js';
import { outcomeOfError, outcomeOfStatus } from './outcome.js';
import type { SinkPayload } from './payload.js';

/** Sends one payload; never throws (a failure is an outcome). `signal` aborts it. */
export type Poster = (payload: SinkPayload, signal: AbortSignal) => Promise<PostOutcome>;

export interface HttpPosterOptions {
  url: string;
  auth?: { username: string; password: string };
  /** Limit for one POST, response included. */
  timeoutMs: number;
  now?: () => number;
}

/** POSTs the payload as JSON with fetch, with a Basic Authorization header when `auth` is given. */
export function httpPoster({ url, auth, timeoutMs, now = Date.now }: HttpPosterOptions): Poster {
  const headers: Record<string, string> = { 'content-type': 'application/json', 'user-agent': 'fleetgraph-sink' };
  if (auth) headers.authorization = `Basic ${Buffer.from(`${auth.username}:${auth.password}`).toString('base64')}`;
  return async (payload, signal) => {
    // One controller per request, tied to `signal` by a listener removed afterwards, so the
    // sink's long-lived signal collects nothing per POST.
    const request = new AbortController();
    const abort = () => request.abort(signal.reason);
    signal.addEventListener('abort', abort, { once: true });
    const timer = setTimeout(() => request.abort(new DOMException(`no answer within ${timeoutMs} ms`, 'TimeoutError')), timeoutMs);
    try {
      if (signal.aborted) abort();
      const response = await fetch(url, { method: 'POST', headers, body: JSON.stringify(payload), signal: request.signal });
      // Read the body to its end so the connection goes back to the pool.
      await response.arrayBuffer();
      return outcomeOfStatus(response.status, response.headers.get('retry-after'), now());
    } catch (err) {
      return outcomeOfError(err);
    } finally {
      clearTimeout(timer);
      signal.removeEventListener('abort', abort);
    }
  };
}
