// One configured endpoint: the engine's listener on one side (filter, prune, dedupe, queue —
// nothing that waits), the sender loop on the other.
import type { SinkConfig } from '../config/index.js';
import type { ResourceChange } from '../events/types.js';
import type { Logger } from '../logging/index.js';
import { refKey } from '../model/ids.js';
import { sleep as timerSleep, type Sleep } from '../timing/index.js';
import { contentHash } from './content-hash.js';
import { newCounters, type SinkStats } from './counters.js';
import { createDedupeWindow } from './dedupe.js';
import { changeFilter } from './filter.js';
import { sinkEvent } from './payload.js';
import { httpPoster, type Poster } from './post.js';
import { pruneFields } from './prune.js';
import { BoundedQueue } from './queue.js';
import { startSender, type Queued } from './sender.js';

export interface SinkOptions {
  config: SinkConfig;
  logger: Logger;
  /** Default Date.now. */
  now?: () => number;
  /** Jitter source, in [0, 1). Default Math.random. */
  random?: () => number;
  /** Default: a timer that ends early on abort. */
  sleep?: Sleep;
  /** Default: an HTTP POST to config.url with config.auth and config.timeoutMs. */
  post?: Poster;
}

export interface Sink {
  readonly name: string;
  /**
   * The engine's listener. Returns at once: it decides, prunes, compares and queues; the
   * sender loop does the I/O. Never throws. Ignored after stop.
   */
  accept(change: ResourceChange): void;
  stats(): SinkStats;
  /** Stops taking changes; sends what waits for at most `drainMs` (default 2000); stops the sender. */
  stop(options?: { drainMs?: number }): Promise<void>;
}

export function createSink({ config, logger, now = Date.now, random = Math.random, sleep = timerSleep, post }: SinkOptions): Sink {
  const log = logger.child({ sink: config.name });
  const accepts = changeFilter(config);
  const dedupe = createDedupeWindow({ windowMs: config.dedupeWindowMs, now });
  const queue = new BoundedQueue<Queued>(config.maxQueued);
  const counters = newCounters();
  const sender = startSender({
    ...config,
    queue,
    counters,
    post: post ?? httpPoster({ url: config.url, auth: config.auth, timeoutMs: config.timeoutMs, now }),
    logger: log,
    now,
    random,
    sleep,
  });
  let open = true;

  const enqueue = (change: ResourceChange) => {
    if (!accepts(change)) return;
    const object = pruneFields(change.object, config.pruneFields);
    const key = `${change.kind}:${refKey(change)}`;
    if (config.dedupeWindowMs > 0 && !dedupe.admit(key, contentHash(object), change.type)) {
      counters.deduplicated++;
      return;
    }
    const dropped = queue.push({ event: sinkEvent(change, object), at: now() });
    if (dropped) {
      counters.dropped++;
      // Never delivered, so its state must not count as sent: the next sight of it goes out.
      dedupe.forget(`${dropped.event.kind}:${refKey(dropped.event)}`);
    }
    sender.wake();
  };

  return {
    name: config.name,
    accept(change) {
      if (!open) return;
      try {
        enqueue(change);
      } catch (err) {
        log.error({ err, cluster: change.cluster, kind: change.kind, name: change.name }, 'sink could not take a change');
      }
    },
    stats: () => {
      const { inFlight, ...rest } = counters;
      return { ...rest, queued: queue.size + inFlight };
    },
    async stop({ drainMs = 2000 } = {}) {
      if (!open) return;
      open = false;
      const unsent = await sender.stop(drainMs);
      if (unsent > 0) log.warn({ unsent }, 'sink stopped with events unsent');
    },
  };
}
