// Reads served from the watch engine's live copies (informers), as client-go's listers and
// Rancher's steve do: one list+watch per (cluster, kind), started by the first read that
// needs it, shared with subscriptions and sinks, released after an idle period. A warm read
// makes no call to the cluster.
import { CACHED_KINDS, type CachedKind, type Informer, type WatchEngine } from '../events/index.js';
import type { KubeKind, KubeObjects } from '../kube/index.js';
import type { Write, WriteLog } from './write-log.js';

export interface ListCacheOptions {
  engine: Pick<WatchEngine, 'inform'>;
  /** The gateway's own writes, which reads wait for (see `writeWaitMs`). */
  writes: WriteLog;
  /** CACHE_IDLE_SECONDS, in ms: how long a (cluster, kind) no read asks for stays cached. Default 300 000. */
  idleMs?: number;
  /**
   * How long a read waits for the cache to see the gateway's own earlier writes before it
   * reads the cluster itself instead. Default 2000.
   */
  writeWaitMs?: number;
  now?: () => number;
}

/** What is cached, for /metrics and diagnostics. */
export interface CachedList {
  cluster: string;
  kind: CachedKind;
  /** objects held; undefined before the first list */
  objects: number | undefined;
  phase: string;
}

export interface ListCache {
  /** Whether reads of this kind go through the cache (Secrets never do). */
  caches(kind: KubeKind): boolean;
  /**
   * Whether the cache may answer for the cluster now: false once any of its watches failed,
   * until they are connected again. One failing watch most likely means a failing cluster,
   * so a request then reads every kind of it from the cluster, and one answer never mixes
   * cached kinds with the cluster's error. A request asks once per cluster.
   */
  serves(cluster: string): boolean;
  /**
   * Every object of the kind in the cluster, as the cache holds it: the same frozen array
   * until the next change. Undefined when the gateway's own write has not shown up in time:
   * the caller reads the cluster itself. Before the first list, waits for it (one list, shared
   * by every reader and the watch); rejects with that list's error.
   */
  read<K extends KubeKind>(cluster: string, kind: K, signal?: AbortSignal): Promise<readonly KubeObjects[K][] | undefined>;
  lists(): CachedList[];
  /** Lets go of everything cached; the next read of each (cluster, kind) starts again. */
  clear(): void;
  /** Releases every informer and stops the idle sweep. */
  stop(): void;
}

interface Entry {
  cluster: string;
  kind: CachedKind;
  informer: Informer;
  /** the frozen array handed out until the next change */
  items?: readonly unknown[];
  lastRead: number;
  /** woken on every change */
  waiters: Set<() => void>;
}

const cachedKinds = new Set<KubeKind>(CACHED_KINDS);

export function createListCache({ engine, writes, idleMs = 300_000, writeWaitMs = 2000, now = Date.now }: ListCacheOptions): ListCache {
  const entries = new Map<string, Entry>();

  const entryFor = (cluster: string, kind: CachedKind): Entry => {
    const id = `${cluster}|${kind}`;
    let entry = entries.get(id);
    if (!entry) {
      const waiters = new Set<() => void>();
      const onChange = () => {
        const changed = entries.get(id);
        if (changed) changed.items = undefined;
        for (const wake of [...waiters]) wake();
      };
      entry = { cluster, kind, waiters, lastRead: now(), informer: engine.inform({ cluster, kind }, onChange) };
      entries.set(id, entry);
    }
    return entry;
  };

  // Reads touch their entry; one that nobody read for idleMs is let go.
  const sweep = setInterval(
    () => {
      const before = now() - idleMs;
      for (const [id, entry] of entries) {
        if (entry.lastRead >= before) continue;
        entries.delete(id);
        entry.informer.release();
      }
    },
    Math.max(1000, Math.min(idleMs / 2, 60_000)),
  );
  sweep.unref();

  /** Waits until the cache holds every recent write of the gateway's to this stream; false when it did not in time. */
  const caughtUp = async (entry: Entry, signal: AbortSignal | undefined): Promise<boolean> => {
    const deadline = now() + writeWaitMs;
    for (;;) {
      const pending = writes.recent(entry.cluster, entry.kind, writeWaitMs).filter((write) => {
        if (!holds(entry.informer, write)) return true;
        writes.forget(write);
        return false;
      });
      if (pending.length === 0) return true;
      const left = deadline - now();
      if (left <= 0 || signal?.aborted) return false;
      await nextChange(entry, left, signal);
    }
  };

  return {
    caches: (kind) => cachedKinds.has(kind),
    serves(cluster) {
      for (const entry of entries.values()) if (entry.cluster === cluster && !entry.informer.healthy()) return false;
      return true;
    },
    async read<K extends KubeKind>(cluster: string, kind: K, signal?: AbortSignal) {
      if (!cachedKinds.has(kind)) return undefined;
      const entry = entryFor(cluster, kind as CachedKind);
      entry.lastRead = now();
      const { informer } = entry;
      if (!informer.objects()) await abortable(informer.listed(), signal);
      if (!(await caughtUp(entry, signal))) return undefined;
      entry.items ??= Object.freeze([...informer.objects()!.values()]);
      return entry.items as readonly KubeObjects[K][];
    },
    lists: () =>
      [...entries.values()].map(({ cluster, kind, informer }) => ({ cluster, kind, objects: informer.objects()?.size, phase: informer.state().phase })),
    clear() {
      for (const entry of entries.values()) entry.informer.release();
      entries.clear();
    },
    stop() {
      clearInterval(sweep);
      this.clear();
    },
  };
}

/**
 * Whether the informer has seen the write: the object deleted, or the stream past the
 * write's resourceVersion. resourceVersions are compared as numbers when both are (etcd's
 * are); otherwise only the object's own version, equal, counts.
 */
function holds(informer: Informer, write: Write): boolean {
  const objects = informer.objects();
  if (!objects) return false;
  const held = objects.get(write.key);
  if (write.resourceVersion === undefined) return held === undefined;
  if (held?.metadata?.resourceVersion === write.resourceVersion) return true;
  const state = informer.state();
  const at = 'resourceVersion' in state ? state.resourceVersion : undefined;
  return at !== undefined && isWhole(at) && isWhole(write.resourceVersion) && BigInt(at) >= BigInt(write.resourceVersion);
}

const isWhole = (text: string) => /^\d+$/.test(text);

/** Resolves on the entry's next change, after `ms`, or when the signal aborts, whichever is first. */
function nextChange(entry: Entry, ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      entry.waiters.delete(done);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    entry.waiters.add(done);
    signal?.addEventListener('abort', done, { once: true });
  });
}

/** The promise, or the signal's reason once it aborts. */
function abortable<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise;
  signal.throwIfAborted();
  return Promise.race([promise, abortOf(signal)]);
}

// One rejection per signal, however many reads of a request wait on it (one listener, not one a read).
const aborts = new WeakMap<AbortSignal, Promise<never>>();

function abortOf(signal: AbortSignal): Promise<never> {
  let aborted = aborts.get(signal);
  if (!aborted) {
    aborted = new Promise<never>((_resolve, reject) => signal.addEventListener('abort', () => reject(signal.reason), { once: true }));
    // Nobody may be racing it when it fires.
    aborted.catch(() => {});
    aborts.set(signal, aborted);
  }
  return aborted;
}
