// graphql-ws subscriptions for end-to-end tests: what a subscriber received, and bounded waits on it.
import type { FormattedExecutionResult } from 'graphql';
import { type Client, type ClientOptions, createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { until } from './wait.js';

export type Result<T> = FormattedExecutionResult<T>;

export interface Subscriber<T> {
  /** every result received, in order */
  readonly results: Result<T>[];
  /** the data of results without errors */
  data(): T[];
  readonly completed: boolean;
  /** waits until `check` holds over the results; fails after `timeoutMs` (default 5000) */
  until(check: (results: Result<T>[]) => boolean, timeoutMs?: number): Promise<void>;
  unsubscribe(): void;
}

/** A graphql-ws client of the gateway at `httpUrl`; with a token, sent in connection_init as `authorization: Bearer <token>`. */
export function wsClient(httpUrl: string, { token, on }: { token?: string; on?: ClientOptions['on'] } = {}): Client {
  const connectionParams = token === undefined ? undefined : { authorization: `Bearer ${token}` };
  // A caller watching `on` sees closes itself; without it graphql-ws logs them to the console.
  const quiet = on ? { onNonLazyError: () => {} } : {};
  return createClient({ url: httpUrl.replace(/^http/, 'ws'), webSocketImpl: WebSocket, lazy: false, retryAttempts: 0, connectionParams, on, ...quiet });
}

export function subscribe<T = Record<string, unknown>>(client: Client, query: string, variables?: Record<string, unknown>): Subscriber<T> {
  const results: Result<T>[] = [];
  let completed = false;
  const unsubscribe = client.subscribe<T>(
    { query, variables },
    {
      next: (result) => results.push(result as Result<T>),
      error: (err) => results.push({ errors: [{ message: String(err instanceof Error ? err.message : JSON.stringify(err)) }] }),
      complete: () => (completed = true),
    },
  );
  return {
    results,
    data: () => results.filter((r) => !r.errors && r.data).map((r) => r.data as T),
    get completed() {
      return completed;
    },
    until: (check, timeoutMs = 5000) => waitFor(() => check(results), timeoutMs),
    unsubscribe,
  };
}

/** Polls `check` until it holds; rejects after `timeoutMs`. */
export function waitFor(check: () => boolean, timeoutMs = 5000): Promise<void> {
  return until(check, 'the condition', timeoutMs);
}
