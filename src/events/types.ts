// The watch engine's public face: what subscriptions and event sinks code against.
import type { KubeObjects } from '../kube/index.js';

/** The kinds whose changes the gateway streams. */
export type WatchedKind = 'Deployment' | 'StatefulSet' | 'DaemonSet' | 'Pod' | 'Node' | 'Namespace';

export const WATCHED_KINDS: readonly WatchedKind[] = ['Deployment', 'StatefulSet', 'DaemonSet', 'Pod', 'Node', 'Namespace'];

/**
 * The kinds the engine keeps a live copy of for reads (src/cache): the watched kinds and what
 * resolving them needs (a Deployment's pods are found through its ReplicaSets, revisions
 * through ControllerRevisions). Secrets are never kept: they are read when needed.
 */
export type CachedKind = WatchedKind | 'ReplicaSet' | 'ControllerRevision';

export const CACHED_KINDS: readonly CachedKind[] = [...WATCHED_KINDS, 'ReplicaSet', 'ControllerRevision'];

export type ChangeType = 'ADDED' | 'MODIFIED' | 'DELETED';

/** One change to one object, as the gateway saw it. */
export interface ResourceChange<K extends CachedKind = WatchedKind> {
  type: ChangeType;
  cluster: string;
  kind: K;
  /** undefined for cluster-scoped kinds (Node, Namespace) */
  namespace: string | undefined;
  name: string;
  /** the object's resourceVersion after the change (for DELETED: its last one) */
  resourceVersion: string;
  /** when the gateway received the change */
  at: Date;
  /** the raw Kubernetes object after the change; for DELETED, its last state */
  object: KubeObjects[K];
  /** for MODIFIED, the object as the gateway last saw it before the change (filters on labels need both sides) */
  previous?: KubeObjects[K];
}

/** The same change as a union over kinds, where switching on `kind` narrows `object`. */
export type TypedResourceChange = { [K in WatchedKind]: ResourceChange<K> }[WatchedKind];

/** A stream of kind K only ever carries objects of kind K: the one place that pairing is asserted. */
export function typed(change: ResourceChange): TypedResourceChange {
  return change as TypedResourceChange;
}

/** Which stream to follow: one kind on one cluster. */
export interface StreamKey<K extends CachedKind = WatchedKind> {
  cluster: string;
  kind: K;
}

export type ChangeListener = (change: ResourceChange) => void;

/**
 * One upstream list+watch per (cluster, kind), shared by every subscriber.
 * A stream starts with its first subscriber and stops `lingerMs` after its last leaves.
 */
export interface WatchEngine {
  /**
   * Calls `listener` with every change of the stream from now on, in order, until the returned
   * function is called. A cluster that goes away keeps its subscribers: its changes arrive again,
   * with what changed meanwhile, when it comes back. Throws for a cluster the registry does not know.
   * Listeners must not throw; one that does is logged and kept.
   */
  subscribe(key: StreamKey, listener: ChangeListener): () => void;
  /**
   * The objects of a stream that has subscribers, as its listeners have been told so far: the
   * state every change delivered until now leads to, taken when called, so that the changes
   * delivered after the call are exactly those it does not hold (resourceChanged(initial: true)
   * subscribes, then asks). Before the stream's first list, waits for it; rejects with that list's
   * failure, or when the stream has no subscribers.
   */
  objects(key: StreamKey): Promise<readonly KubeObjects[WatchedKind][]>;
  /** Events one subscriber (a GraphQL subscription, a sink) may have pending before it is ended. */
  readonly queueLimit: number;
  /**
   * The stream's live copy of its kind, for reads: kept running while the informer is held,
   * released by `release()`. Throws for a cluster the registry does not know.
   */
  inform<K extends CachedKind>(key: StreamKey<K>, onChange?: (change: ResourceChange<K>) => void): Informer<K>;
  /** Where each running stream is, for diagnostics. */
  streams(): readonly StreamStatus[];
  /** Stops every upstream watch at once (no linger). Subscribe after stop throws. */
  stop(): Promise<void>;
}

/** A stream's lifecycle. */
export type StreamState =
  | { phase: 'listing' }
  | { phase: 'connecting'; resourceVersion: string }
  | { phase: 'watching'; resourceVersion: string }
  | { phase: 'backing-off'; attempt: number; delayMs: number; reason: string }
  | { phase: 'stopped' };

/** What a stream holds of its kind: every object as last seen, by `namespace/name`. */
export interface Informer<K extends CachedKind = CachedKind> {
  /** The objects as last listed and watched, or undefined before the first list succeeded. The map changes in place. */
  objects(): ReadonlyMap<string, KubeObjects[K]> | undefined;
  /** Resolves after the next successful list (at once when one has succeeded already); rejects with the next failed list's error. */
  listed(): Promise<void>;
  state(): StreamState;
  /** false from a failed list or watch until the watch is connected again: `objects()` may be stale then. */
  healthy(): boolean;
  /** Lets the stream stop (after the engine's linger) once nobody else holds it. Idempotent. */
  release(): void;
}

export interface StreamStatus extends StreamKey<CachedKind> {
  subscribers: number;
  /** false from a failed list or watch until the watch is connected again */
  healthy: boolean;
  state: StreamState;
}
