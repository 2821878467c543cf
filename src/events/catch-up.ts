// Joining a snapshot of the watch engine with the changes it delivered meanwhile
// (resourceChanged with `initial: true`): which of those changes the subscriber still needs after
// the snapshot. Pure; resourceVersions are compared for equality only, as Kubernetes asks.
//
// The subscription listens before it asks for the snapshot, so for each object the changes
// buffered form a chain of states (before the first change, after each), and the snapshot, being
// the state the engine's changes had led to at one moment, holds one of them: the changes after
// that state are sent, those before are not. A snapshot read elsewhere (a list of the cluster
// itself) can be ahead of changes not yet delivered at all, which equality cannot order: that is
// why the snapshot is the engine's own.
import { type KubeObjectLike, keyOf } from './snapshot.js';
import type { ResourceChange, StreamKey } from './types.js';

/** An object's state by what tells two states apart: absent, or its resourceVersion. */
type State = { present: false } | { present: true; resourceVersion: string };

const ABSENT: State = { present: false };

/** The identity of an object within the whole subscription: its stream and its namespace/name. */
export function objectKey({ cluster, kind }: StreamKey, object: KubeObjectLike): string {
  return `${cluster}|${kind}|${keyOf(object)}`;
}

/**
 * The buffered changes the subscriber still needs after the snapshot, in the order they came.
 * `listed`: every object of the snapshot (matching the filter or not) by objectKey;
 * `buffered`: the changes of the same streams delivered from before the snapshot was taken.
 */
export function changesAfter(listed: ReadonlyMap<string, KubeObjectLike>, buffered: readonly ResourceChange[]): ResourceChange[] {
  const chains = new Map<string, ResourceChange[]>();
  for (const change of buffered) {
    const key = objectKey(change, change.object);
    const chain = chains.get(key);
    if (chain) chain.push(change);
    else chains.set(key, [change]);
  }
  const keep = new Set<ResourceChange>();
  for (const [key, chain] of chains) {
    const object = listed.get(key);
    chain.slice(positionOf(object ? stateOf(object) : ABSENT, chain)).forEach((change) => keep.add(change));
  }
  return buffered.filter((change) => keep.has(change));
}

/**
 * How many changes of `chain` the state already holds: up to the last change that leads to it
 * (only absence can recur, and from any absent state the rest leads on consistently), else none
 * (the state before the first change).
 */
function positionOf(state: State, chain: readonly ResourceChange[]): number {
  for (let i = chain.length - 1; i >= 0; i--) if (same(stateAfter(chain[i]!), state)) return i + 1;
  return 0;
}

function stateAfter(change: ResourceChange): State {
  return change.type === 'DELETED' ? ABSENT : stateOf(change.object);
}

function stateOf(object: KubeObjectLike): State {
  return { present: true, resourceVersion: object.metadata?.resourceVersion ?? '' };
}

function same(a: State, b: State): boolean {
  return a.present ? b.present && a.resourceVersion === b.resourceVersion : !b.present;
}
