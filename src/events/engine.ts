// The watch engine: one upstream stream per (cluster, kind), started by its first subscriber,
// shared by all, stopped a while after the last one leaves.
import type { ClusterRegistry } from '../fleet/index.js';
import type { KubeObjects } from '../kube/index.js';
import type { Logger } from '../logging/index.js';
import type { BackoffPolicy } from '../timing/index.js';
import { type Stream, type StreamOptions, currentObjects, startStream } from './stream.js';
import { DEFAULT_QUEUE_LIMIT } from './subscription.js';
import type { CachedKind, Informer, WatchedKind, ResourceChange, StreamKey, StreamStatus, WatchEngine } from './types.js';

/** setTimeout and clearTimeout, injectable so tests drive the linger. */
export interface Timers {
  set(callback: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

export interface WatchEngineOptions {
  registry: Pick<ClusterRegistry, 'get'>;
  logger: Logger;
  /**
   * How long a stream outlives its last subscriber, in milliseconds, so a client that
   * resubscribes (a page reload) finds it still running. Default 30 000.
   */
  lingerMs?: number;
  backoff?: Partial<BackoffPolicy>;
  /**
   * Events a subscriber may have pending (handed over, not yet sent) before it is ended
   * with SubscriberTooSlowError, so a client that stops reading costs bounded memory. Default 1000.
   */
  queueLimit?: number;
  /** see StreamOptions.healthyAfterMs; default 10 000 ms */
  healthyAfterMs?: number;
  timers?: Timers;
  now?: () => Date;
  random?: () => number;
  sleep?: StreamOptions['sleep'];
  /** builds a stream; tests swap in a recorder. Default startStream. */
  startStream?: (options: StreamOptions) => Stream;
}

type AnyListener = (change: ResourceChange<CachedKind>) => void;

interface Entry {
  key: StreamKey<CachedKind>;
  stream: Stream;
  listeners: Set<AnyListener>;
  linger?: unknown;
}

const realTimers: Timers = { set: (callback, ms) => setTimeout(callback, ms), clear: (handle) => clearTimeout(handle as NodeJS.Timeout) };

export function createWatchEngine(options: WatchEngineOptions): WatchEngine {
  const { registry, lingerMs = 30_000, queueLimit = DEFAULT_QUEUE_LIMIT, timers = realTimers, startStream: start = startStream } = options;
  const logger = options.logger.child({ component: 'watch-engine' });
  const entries = new Map<string, Entry>();
  const stopping = new Set<Promise<void>>();
  let stopped = false;

  const open = (key: StreamKey<CachedKind>): Entry => {
    const cluster = registry.get(key.cluster);
    if (!cluster) throw new Error(`no cluster named ${key.cluster}`);
    const listeners = new Set<AnyListener>();
    const emit: AnyListener = (change) => {
      for (const listener of [...listeners]) {
        try {
          listener(change);
        } catch (err) {
          logger.error({ err, ...key }, 'a resource change listener threw');
        }
      }
    };
    const { backoff, healthyAfterMs, now, random, sleep } = options;
    const stream = start({ key, client: cluster.client, emit, logger, backoff, healthyAfterMs, now, random, sleep });
    return { key, stream, listeners };
  };

  const close = (id: string, entry: Entry) => {
    entries.delete(id);
    const done = entry.stream.stop().finally(() => stopping.delete(done));
    stopping.add(done);
  };

  const idOf = (key: StreamKey<CachedKind>) => `${key.cluster}|${key.kind}`;

  /** Adds a listener to the key's stream, starting it if needed; the returned function takes it off. */
  const join = (key: StreamKey<CachedKind>, listener: AnyListener): (() => void) => {
    if (stopped) throw new Error('the watch engine has stopped');
    const id = idOf(key);
    let entry = entries.get(id);
    if (!entry) {
      entry = open(key);
      entries.set(id, entry);
    }
    if (entry.linger !== undefined) timers.clear(entry.linger);
    entry.linger = undefined;
    // A fresh function per subscription, so the same listener may subscribe twice.
    const own: AnyListener = (change) => listener(change);
    entry.listeners.add(own);
    const current = entry;
    return () => {
      if (!current.listeners.delete(own) || current.listeners.size > 0 || entries.get(id) !== current) return;
      current.linger = timers.set(() => close(id, current), lingerMs);
    };
  };

  return {
    queueLimit,
    subscribe(key, listener) {
      // A stream of a watched kind carries only changes of that kind.
      return join(key, listener as AnyListener);
    },
    inform<K extends CachedKind>(key: StreamKey<K>, onChange?: (change: ResourceChange<K>) => void): Informer<K> {
      const leave = join(key, (onChange ?? (() => {})) as AnyListener);
      const { stream } = entries.get(idOf(key))!;
      let held = true;
      return {
        objects: () => stream.objects() as ReadonlyMap<string, KubeObjects[K]> | undefined,
        listed: () => stream.listed(),
        state: () => stream.state(),
        healthy: () => stream.healthy(),
        release() {
          if (held) leave();
          held = false;
        },
      };
    },
    objects(key) {
      const entry = entries.get(idOf(key));
      if (!entry) return Promise.reject(new Error(`no stream of ${key.kind} on ${key.cluster} is followed`));
      return currentObjects(entry.stream) as Promise<readonly KubeObjects[WatchedKind][]>;
    },
    streams: () =>
      [...entries.values()].map(({ key, stream, listeners }) => ({ ...key, subscribers: listeners.size, healthy: stream.healthy(), state: stream.state() })) satisfies StreamStatus[],
    async stop() {
      stopped = true;
      for (const [id, entry] of [...entries]) {
        if (entry.linger !== undefined) timers.clear(entry.linger);
        close(id, entry);
      }
      await Promise.all([...stopping]);
    },
  };
}
