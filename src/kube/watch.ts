// One watch request, over client-node's Watch: the only place that uses it. It streams one
// kind's events from a resourceVersion and says how the stream ended; resuming, relisting
// and backing off are the caller's business (src/events).
import { type KubeConfig, Watch } from '@kubernetes/client-node';
import { KubeCallError, type KubeFailure } from './errors.js';
import type { KubeKind, KubeObjects } from './kinds.js';
import { trimmed } from './json-list.js';
import { collectionPath } from './paths.js';

/** What a watch streams: a change to an object, or a bookmark that only moves the resourceVersion on. */
export type WatchEvent<K extends KubeKind = KubeKind> =
  | { type: 'ADDED' | 'MODIFIED' | 'DELETED'; object: KubeObjects[K] }
  | { type: 'BOOKMARK'; resourceVersion: string };

/** How a watch ended. */
export type WatchEnd =
  /** The server closed the stream (its timeout, a dropped connection): resume from the last resourceVersion. */
  | { reason: 'closed' }
  /** 410 Gone: the resourceVersion is older than the server keeps; list again. */
  | { reason: 'gone' }
  /** The caller's signal stopped it. */
  | { reason: 'aborted' }
  /** The request failed or the server sent an error; `error` says why, as every other call does. */
  | { reason: 'failed'; error: KubeCallError };

export interface WatchOptions {
  /** Where to start: events after this version. Required: a watch from "now" would send every object as ADDED. */
  resourceVersion: string;
  /** Stops the watch; the returned promise then resolves with `aborted`. */
  signal?: AbortSignal;
  /** Asks the server for BOOKMARK events. Default true. */
  bookmarks?: boolean;
  /** Asks the server to end the stream after this long (it then ends `closed`). Default: the server's choice. */
  timeoutSeconds?: number;
}

/**
 * Watches every object of a kind (all namespaces) from `resourceVersion`, calling `onEvent`
 * for each event in order. Resolves once, when the stream ends; never rejects.
 * `onConnected` is called when the server has accepted the watch.
 */
export async function watchKind<K extends KubeKind>(
  { cluster, kubeConfig }: { cluster: string; kubeConfig: KubeConfig },
  kind: K,
  { resourceVersion, signal, bookmarks = true, timeoutSeconds }: WatchOptions,
  onEvent: (event: WatchEvent<K>) => void,
  onConnected: () => void = () => {},
): Promise<WatchEnd> {
  if (signal?.aborted) return { reason: 'aborted' };
  let settle!: (end: WatchEnd) => void;
  const ended = new Promise<WatchEnd>((resolve) => (settle = resolve));
  let controller: AbortController | undefined;
  let finished = false;
  const finish = (end: WatchEnd) => {
    if (finished) return;
    finished = true;
    signal?.removeEventListener('abort', onAbort);
    controller?.abort();
    settle(end);
  };
  const onAbort = () => finish({ reason: 'aborted' });
  signal?.addEventListener('abort', onAbort, { once: true });

  const params = { resourceVersion, allowWatchBookmarks: bookmarks, timeoutSeconds };
  const onLine = (type: string, object: unknown) => {
    if (finished) return;
    const event = toWatchEvent<K>(type, object);
    if ('end' in event) finish(failureEnd(cluster, event.end));
    else onEvent(event);
  };
  const onDone = (err: unknown) => finish(err ? failureEnd(cluster, transportFailure(err)) : { reason: 'closed' });
  try {
    controller = await new Watch(kubeConfig).watch(collectionPath(kind), params, onLine, onDone);
    if (finished) controller.abort();
    else onConnected();
  } catch (err) {
    finish(failureEnd(cluster, transportFailure(err)));
  }
  return ended;
}

type Parsed<K extends KubeKind> = WatchEvent<K> | { end: KubeFailure };

function toWatchEvent<K extends KubeKind>(type: string, object: unknown): Parsed<K> {
  switch (type) {
    case 'ADDED':
    case 'MODIFIED':
    case 'DELETED':
      return { type, object: trimmed(object as KubeObjects[K]) };
    case 'BOOKMARK': {
      const rv = (object as { metadata?: { resourceVersion?: string } } | undefined)?.metadata?.resourceVersion;
      return rv ? { type: 'BOOKMARK', resourceVersion: rv } : { end: { kind: 'unknown' } };
    }
    case 'ERROR': {
      // The server's Status object: 410 Gone (Expired) when the resourceVersion is too old.
      const status = object as { code?: number; reason?: string } | undefined;
      return { end: { kind: 'http', status: status?.code ?? 500, reason: status?.reason } };
    }
    default:
      return { end: { kind: 'unknown' } };
  }
}

function failureEnd(cluster: string, failure: KubeFailure): WatchEnd {
  if (failure.kind === 'http' && failure.status === 410) return { reason: 'gone' };
  return { reason: 'failed', error: new KubeCallError(cluster, failure) };
}

// What Watch hands to `done` or throws: node-fetch system errors carry a code, a non-200
// answer carries `statusCode`, our own abort is an AbortError.
function transportFailure(err: unknown): KubeFailure {
  if (typeof err !== 'object' || err === null) return { kind: 'unknown' };
  if ('statusCode' in err && typeof err.statusCode === 'number') return { kind: 'http', status: err.statusCode };
  if ('name' in err && err.name === 'AbortError') return { kind: 'aborted' };
  if ('code' in err && typeof err.code === 'string') return { kind: 'unreachable', code: err.code };
  return { kind: 'unknown' };
}
