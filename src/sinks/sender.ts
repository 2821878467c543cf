// A sink's sender loop: takes batches off the sink's own queue and posts them, one at a time,
// retrying a failed batch until it is delivered. One loop per sink, so a slow or dead endpoint
// holds up nothing but its own queue.
import type { Logger } from '../logging/index.js';
import { assertNever } from '../lang/assert-never.js';
import { backoffDelay, type Sleep, untilAborted } from '../timing/index.js';
import { batchDecision } from './batching.js';
import type { SinkCounters } from './counters.js';
import { sinkPayload, type SinkEvent } from './payload.js';
import type { Poster } from './post.js';
import type { BoundedQueue } from './queue.js';

/** A Retry-After beyond this is taken as this: a misconfigured endpoint must not park a sink for a day. */
export const RETRY_AFTER_CAP_MS = 600_000;

/** A queued event and when it was queued (ms, by the sink's clock). */
export interface Queued {
  event: SinkEvent;
  at: number;
}

export interface SenderOptions {
  name: string;
  queue: BoundedQueue<Queued>;
  counters: SinkCounters;
  post: Poster;
  batchSize: number;
  batchIntervalMs: number;
  retryInitialDelayMs: number;
  retryMaxDelayMs: number;
  logger: Logger;
  now: () => number;
  random: () => number;
  sleep: Sleep;
}

export interface Sender {
  /** Something was queued: look again now rather than at the end of the current wait. */
  wake(): void;
  /**
   * Sends what waits without further batching delay while the endpoint keeps succeeding, for
   * at most `drainMs`; then aborts whatever is in flight. A failure while stopping is not
   * retried. Resolves with how many events were left unsent.
   */
  stop(drainMs: number): Promise<number>;
}

export function startSender(options: SenderOptions): Sender {
  const { queue, counters, logger, now, sleep } = options;
  const stopping = new AbortController(); // ends waits: no more batching delay or backoff
  const halt = new AbortController(); // ends everything, the request in flight too
  let wakeup: AbortController | undefined;
  let droppedReported = 0;

  // Runs synchronously up to its first await, so an event queued after batchDecision cannot
  // slip between the decision and `wakeup` being set.
  // stop() ends a pause through `wakeup` too; the loop never pauses once stopping.
  const pause = async (ms: number | undefined) => {
    wakeup = new AbortController();
    await (ms === undefined ? untilAborted(wakeup.signal) : sleep(ms, wakeup.signal));
    wakeup = undefined;
  };

  const reportDrops = () => {
    if (counters.dropped === droppedReported) return;
    logger.warn({ dropped: counters.dropped - droppedReported, droppedTotal: counters.dropped }, 'sink queue full: dropped the oldest events');
    droppedReported = counters.dropped;
  };

  const deliver = (events: SinkEvent[]) => deliverBatch(options, events, { stopping: stopping.signal, halt: halt.signal, reportDrops });

  const loop = async (): Promise<number> => {
    while (!halt.signal.aborted) {
      const decision = batchDecision({
        queued: queue.size,
        oldestAt: queue.peek()?.at ?? 0,
        now: now(),
        batchSize: options.batchSize,
        intervalMs: stopping.signal.aborted ? 0 : options.batchIntervalMs,
      });
      if (decision.action === 'idle' && stopping.signal.aborted) return 0;
      if (decision.action !== 'send') {
        await pause(decision.action === 'wait' ? decision.ms : undefined);
        continue;
      }
      reportDrops();
      const events = queue.take(decision.count).map((queued) => queued.event);
      counters.inFlight = events.length;
      const done = await deliver(events);
      counters.inFlight = 0;
      if (!done) return events.length + queue.size;
    }
    return queue.size;
  };

  const running = loop().catch((err: unknown) => {
    // Nothing above throws by design; if something does, say so rather than die silently.
    logger.error({ err }, 'sink sender stopped unexpectedly');
    return queue.size;
  });

  return {
    wake: () => wakeup?.abort(),
    async stop(drainMs) {
      stopping.abort();
      wakeup?.abort();
      const timer = new AbortController();
      await Promise.race([running, sleep(drainMs, timer.signal)]);
      timer.abort();
      halt.abort();
      return running;
    },
  };
}

/**
 * Posts one batch until it is delivered or refused (true), or until stopping cuts the retries
 * short (false). Failed attempts wait out a jittered, capped backoff (or the Retry-After).
 */
async function deliverBatch(
  options: SenderOptions,
  events: SinkEvent[],
  { stopping, halt, reportDrops }: { stopping: AbortSignal; halt: AbortSignal; reportDrops: () => void },
): Promise<boolean> {
  const { counters, logger, now, sleep, random } = options;
  for (let attempt = 1; ; attempt++) {
    const outcome = await options.post(sinkPayload(options.name, events, new Date(now())), halt);
    switch (outcome.kind) {
      case 'delivered':
        counters.sent += events.length;
        return true;
      case 'rejected':
        counters.rejected += events.length;
        logger.error({ reason: outcome.reason, events: events.length }, 'sink endpoint refused a batch; it is dropped, not retried');
        return true;
      case 'retry': {
        counters.failedAttempts++;
        reportDrops();
        if (stopping.aborted) return false;
        const { retryInitialDelayMs: baseMs, retryMaxDelayMs: maxMs } = options;
        const delayMs = backoffDelay({ attempt, baseMs, maxMs, random, retryAfterMs: outcome.retryAfterMs, retryAfterCapMs: RETRY_AFTER_CAP_MS });
        logger.warn({ reason: outcome.reason, attempt, retryInMs: delayMs, events: events.length, queued: options.queue.size }, 'sink endpoint failed; will retry');
        await sleep(delayMs, stopping);
        if (stopping.aborted) return false;
        break;
      }
      default:
        return assertNever(outcome, 'post outcome');
    }
  }
}
