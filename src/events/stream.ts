// One upstream list+watch of one kind on one cluster, kept going until stopped: resumes a
// cut watch from the last resourceVersion, relists on 410 Gone and reports only what changed
// meanwhile, backs off while the cluster fails. Every change goes to `emit` exactly once, in
// the order the cluster made them (per object).
import type { ClusterClient, KubeObjects, WatchEnd, WatchEvent } from '../kube/index.js';
import type { Logger } from '../logging/index.js';
import { type BackoffPolicy, type Sleep, backoffDelay, sleep as timerSleep } from '../timing/index.js';
import { type Change, type Snapshot, applyChange, diffSnapshot, snapshotOf } from './snapshot.js';
import type { CachedKind, ResourceChange, StreamKey, StreamState } from './types.js';
import { assertNever } from '../lang/assert-never.js';

type WatchedObject = KubeObjects[CachedKind];

export interface StreamOptions {
  key: StreamKey<CachedKind>;
  client: Pick<ClusterClient, 'list' | 'watch'>;
  emit: (change: ResourceChange<CachedKind>) => void;
  logger: Logger;
  /** when a change was received; default the system clock */
  now?: () => Date;
  /** waits `ms` or until the signal aborts, never rejects; default a timer */
  sleep?: Sleep;
  /** jitter for the backoff; default Math.random */
  random?: () => number;
  /** the backoff while the cluster fails; default 250 ms growing to 30 s */
  backoff?: Partial<BackoffPolicy>;
  /**
   * A watch that ends after delivering nothing and lasting less than this counts as a failure
   * and is retried after a backoff; one that made progress is resumed at once. Default 10 000 ms.
   */
  healthyAfterMs?: number;
}

export interface Stream {
  state(): StreamState;
  /**
   * false from a failed list or watch until the watch is connected again: what `objects()`
   * holds may then be stale.
   */
  healthy(): boolean;
  /** Every object as last seen, by namespace/name; undefined before the first list. The map changes in place. */
  objects(): ReadonlyMap<string, WatchedObject> | undefined;
  /** Resolves after the next successful list (at once if one succeeded already), rejects with the next failed list's error. */
  listed(): Promise<void>;
  /** ends the upstream watch; resolves when the loop has exited */
  stop(): Promise<void>;
}

/**
 * The objects as the stream has told its listeners so far: the state every change emitted until
 * now leads to, copied when called (a change emitted after the call is not in it). Before the
 * first list, waits for it and is taken then; rejects with that list's failure should it fail
 * (the stream itself retries).
 */
export function currentObjects(stream: Pick<Stream, 'objects' | 'listed'>): Promise<readonly WatchedObject[]> {
  const held = stream.objects();
  if (held) return Promise.resolve([...held.values()]);
  return stream.listed().then(() => [...(stream.objects()?.values() ?? [])]);
}

export function startStream(options: StreamOptions): Stream {
  const controller = new AbortController();
  let state: StreamState = { phase: 'listing' };
  let healthy = true;
  const setState = (next: StreamState) => {
    state = next;
    if (next.phase === 'watching') healthy = true;
    else if (next.phase === 'backing-off') healthy = false;
  };
  let objects: Snapshot<WatchedObject> | undefined;
  let waiting: { resolve: () => void; reject: (err: Error) => void }[] = [];
  const listOutcome = (outcome: Snapshot<WatchedObject> | Error) => {
    if (!(outcome instanceof Error)) objects = outcome;
    const settled = waiting;
    waiting = [];
    for (const waiter of settled) {
      if (outcome instanceof Error) waiter.reject(outcome);
      else waiter.resolve();
    }
  };
  const loop = runStream(options, controller.signal, setState, listOutcome).catch((err: unknown) => {
    options.logger.error({ err, ...options.key }, 'resource stream failed');
  });
  return {
    state: () => state,
    healthy: () => healthy,
    objects: () => objects,
    listed: () => (objects ? Promise.resolve() : new Promise<void>((resolve, reject) => waiting.push({ resolve, reject }))),
    async stop() {
      controller.abort();
      await loop;
      state = { phase: 'stopped' };
      listOutcome(new Error('the resource stream stopped'));
    },
  };
}

async function runStream(
  options: StreamOptions,
  signal: AbortSignal,
  setState: (state: StreamState) => void,
  listOutcome: (outcome: Snapshot<WatchedObject> | Error) => void,
): Promise<void> {
  const { key, client, logger, random = Math.random, backoff = {}, sleep = timerSleep } = options;
  const { baseMs = 250, maxMs = 30_000 } = backoff;
  const now = options.now ?? (() => new Date());
  const emit = (change: Change<WatchedObject>) => options.emit(toResourceChange(key, change, now()));
  let seen: Snapshot<WatchedObject> | undefined;
  let resourceVersion: string | undefined;
  let attempt = 0;
  const backOff = async (reason: string) => {
    attempt += 1;
    const delayMs = backoffDelay({ attempt, baseMs, maxMs, random });
    setState({ phase: 'backing-off', attempt, delayMs, reason });
    logger.debug({ ...key, attempt, delayMs, reason }, 'resource stream backing off');
    await sleep(delayMs, signal);
  };

  while (!signal.aborted) {
    if (resourceVersion === undefined) {
      setState({ phase: 'listing' });
      const listed = await relist(client, key, signal).catch((err: unknown) => err as Error);
      if (listed instanceof Error) {
        if (signal.aborted) continue;
        listOutcome(listed);
        await backOff(listed.message);
        continue;
      }
      // The first list only learns what exists; later ones report what changed since, and
      // bring the map readers hold up to date in place.
      if (seen) {
        for (const change of diffSnapshot(seen, listed.items)) {
          applyChange(seen, change);
          emit(change);
        }
      } else seen = snapshotOf(listed.items);
      resourceVersion = listed.resourceVersion;
      listOutcome(seen);
    }
    setState({ phase: 'connecting', resourceVersion });
    const snapshot = seen ?? new Map();
    let progressed = false;
    const started = now().getTime();
    const onEvent = (event: WatchEvent<CachedKind>) => {
      progressed = true;
      resourceVersion = event.type === 'BOOKMARK' ? event.resourceVersion : (event.object.metadata?.resourceVersion ?? resourceVersion!);
      setState({ phase: 'watching', resourceVersion });
      const change = event.type === 'BOOKMARK' ? undefined : applyChange(snapshot, event);
      if (change) emit(change);
    };
    const onConnected = () => setState({ phase: 'watching', resourceVersion: resourceVersion! });
    const end = await client.watch(key.kind, { resourceVersion, signal }, onEvent, onConnected);
    if (end.reason === 'aborted') return;
    if (end.reason === 'gone') resourceVersion = undefined;
    if (progressed || now().getTime() - started >= (options.healthyAfterMs ?? 10_000)) attempt = 0;
    else await backOff(describeEnd(end));
  }
}

async function relist(client: Pick<ClusterClient, 'list'>, key: StreamKey<CachedKind>, signal: AbortSignal) {
  const listed = await client.list(key.kind, { signal });
  if (!listed.resourceVersion) throw new Error('the list carried no resourceVersion');
  return { items: listed.items as WatchedObject[], resourceVersion: listed.resourceVersion };
}

/** A change of the stream `key` as subscribers get it, received at `at`. */
export function toResourceChange<K extends CachedKind>({ cluster, kind }: StreamKey<K>, { type, object, previous }: Change<KubeObjects[K]>, at: Date): ResourceChange<K> {
  const meta = object.metadata ?? {};
  const change: ResourceChange<K> = { type, cluster, kind, namespace: meta.namespace || undefined, name: meta.name ?? '', resourceVersion: meta.resourceVersion ?? '', at, object };
  return previous ? { ...change, previous } : change;
}

function describeEnd(end: Exclude<WatchEnd, { reason: 'aborted' }>): string {
  switch (end.reason) {
    case 'closed':
      return 'the watch closed at once';
    case 'gone':
      return 'the resourceVersion expired (410 Gone)';
    case 'failed':
      return end.error.message;
    default:
      return assertNever(end);
  }
}
