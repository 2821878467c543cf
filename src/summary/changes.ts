// summaryChanged's source: the counts at subscribe time, then again after changes to what is
// counted, at most once per `intervalMs` and only when they differ from the last sent. A burst
// of changes costs one recount per interval, whatever its size; a change that moves no count
// (a relabel, a status heartbeat) costs none, and a recount that finds the same counts sends nothing.
import { type ResourceChange, type TypedResourceChange, type WatchEngine, type WatchedKind, typed } from '../events/index.js';
import type { KubeObjects } from '../kube/index.js';
import { assertNever } from '../lang/assert-never.js';
import { hostStatus } from '../model/host.js';
import { podPhase, podReady } from '../model/pod.js';
import { daemonSetStatus, deploymentStatus, statefulSetStatus } from '../model/workload-status.js';
import { type Sleep, sleep as realSleep } from '../timing/index.js';
import type { FleetSummaryRecord, SummaryTarget } from './summary.js';

/** The kinds a summary counts, whose changes may move it. */
export const SUMMARY_KINDS: readonly WatchedKind[] = ['Deployment', 'StatefulSet', 'DaemonSet', 'Node', 'Pod'];

/** Least time between two summaries sent to one subscriber: issue 11's "at most once per second". */
export const SUMMARY_INTERVAL_MS = 1000;

export interface SummaryChangesOptions {
  /** the caller's view of the watch engine (src/views): changes it may not see never arrive */
  engine: Pick<WatchEngine, 'subscribe'>;
  target: SummaryTarget;
  /** Counts the fleet afresh (the request's reads renewed first). A rejection ends the stream with it. */
  count: () => Promise<FleetSummaryRecord>;
  /** least time between two summaries sent, in ms; default SUMMARY_INTERVAL_MS */
  intervalMs?: number;
  /** default Date.now */
  now?: () => number;
  /** how the stream waits out the interval; default src/timing's sleep */
  sleep?: Sleep;
}

/**
 * A summary now, then each new one. Watches SUMMARY_KINDS on the target's clusters from the call;
 * the consumer's return() unsubscribes and ends a pending next() at once. One next() at a time, as
 * graphql's subscribe asks: the stream is pulled, so nothing piles up while the consumer is busy.
 */
export function summaryChanges({ engine, target, count, intervalMs = SUMMARY_INTERVAL_MS, now = Date.now, sleep = realSleep }: SummaryChangesOptions): AsyncIterableIterator<FleetSummaryRecord> {
  const stop = new AbortController();
  let dirty = true; // the first summary is owed at once
  let wake: (() => void) | undefined;
  let lastSent: { at: number; json: string } | undefined;

  const unsubscribes = target.clusters.flatMap((cluster) =>
    SUMMARY_KINDS.map((kind) =>
      engine.subscribe({ cluster, kind }, (change) => {
        if (!movesCounts(change, target.namespaces)) return;
        dirty = true;
        wake?.();
      }),
    ),
  );
  const changed = () => new Promise<void>((resolve) => (wake = resolve));
  stop.signal.addEventListener('abort', () => wake?.(), { once: true });

  const done = { done: true, value: undefined } as const;
  const iterator: AsyncIterableIterator<FleetSummaryRecord> = {
    async next() {
      while (!stop.signal.aborted) {
        if (!dirty) {
          await changed();
          continue;
        }
        const wait = lastSent ? lastSent.at + intervalMs - now() : 0;
        if (wait > 0) await sleep(wait, stop.signal);
        if (stop.signal.aborted) break;
        // Changes arriving while counting make it dirty again: they are counted next round.
        dirty = false;
        const summary = await count();
        const json = JSON.stringify(summary);
        if (stop.signal.aborted) break;
        if (json === lastSent?.json) continue;
        lastSent = { at: now(), json };
        return { done: false, value: summary };
      }
      return done;
    },
    async return() {
      if (!stop.signal.aborted) {
        stop.abort();
        unsubscribes.forEach((unsubscribe) => unsubscribe());
      }
      return done;
    },
    [Symbol.asyncIterator]: () => iterator,
  };
  return iterator;
}

/**
 * Whether a change can move a count: an object added or removed inside the target's namespaces,
 * or one whose status (workloads, hosts) or phase and readiness (pods) is no longer what it was.
 */
export function movesCounts(change: ResourceChange, namespaces: readonly string[] | null): boolean {
  const c = typed(change);
  if (c.kind === 'Namespace') return false;
  if (c.kind !== 'Node' && namespaces !== null && !namespaces.includes(c.namespace ?? '')) return false;
  return c.type !== 'MODIFIED' || !countedAlike(c);
}

/** Whether a MODIFIED change's object is counted as its previous state was; false when that is unknown. */
function countedAlike(change: TypedResourceChange): boolean {
  switch (change.kind) {
    case 'Deployment':
      return alike(change, deploymentStatus);
    case 'StatefulSet':
      return alike(change, statefulSetStatus);
    case 'DaemonSet':
      return alike(change, daemonSetStatus);
    case 'Node':
      return alike(change, hostStatus);
    case 'Pod':
      return alike(change, (pod) => `${podPhase(pod)} ${podReady(pod)}`);
    case 'Namespace':
      return true;
    default:
      return assertNever(change);
  }
}

function alike<K extends WatchedKind>({ object, previous }: ResourceChange<K>, countedAs: (object: KubeObjects[K]) => string): boolean {
  return previous !== undefined && countedAs(previous) === countedAs(object);
}
