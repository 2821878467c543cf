// Joining a snapshot read through the fleet reader with the changes the watch engine delivered
// meanwhile (resourceChanged with `initial: true`): which of those changes the subscriber still
// needs after the snapshot, and which later ones the snapshot already covers. Pure; resource
// versions are compared for equality only, as Kubernetes asks.
//
// The subscription listens before it reads, so for each object the changes buffered form a chain
// of states (before the first change, after each), and the state listed is one of them when the
// reader serves the engine's own cache: the changes after that state are sent, the others are
// not. A reader that lists the cluster itself can be ahead of the engine (its events still on
// the way): then every buffered change of that object is older than the state listed, and so is
// every live one until the engine delivers the change that made it.
import { type KubeObjectLike, keyOf } from './snapshot.js';
import type { ResourceChange, StreamKey } from './types.js';

/** An object's state by what tells two states apart: absent, or its resourceVersion (and uid, telling incarnations apart). */
type State = { present: false } | { present: true; resourceVersion: string; uid: string | undefined };

const ABSENT: State = { present: false };

export interface CatchUp {
  /** The buffered changes the subscriber still needs after the snapshot, in the order they came. */
  pending: ResourceChange[];
  /** Whether a live change is new to the subscriber; false for one the snapshot already holds (or older). Keeps state: call once per change, in order. */
  admit(change: ResourceChange): boolean;
}

/** The identity of an object within the whole subscription: its stream and its namespace/name. */
export function objectKey({ cluster, kind }: StreamKey, object: KubeObjectLike): string {
  return `${cluster}|${kind}|${keyOf(object)}`;
}

/**
 * `listed`: every object the snapshot sent (matching or not, by objectKey) for the streams read;
 * `buffered`: the changes of those streams the engine delivered from before the read until now.
 */
export function catchUp(listed: ReadonlyMap<string, KubeObjectLike>, buffered: readonly ResourceChange[]): CatchUp {
  const chains = new Map<string, ResourceChange[]>();
  for (const change of buffered) {
    const key = changeKey(change);
    const chain = chains.get(key);
    if (chain) chain.push(change);
    else chains.set(key, [change]);
  }
  const keep = new Set<ResourceChange>();
  // Objects whose listed state the engine has not reached yet: the state awaited.
  const awaited = new Map<string, State>();
  for (const [key, chain] of chains) {
    const object = listed.get(key);
    const state = object ? stateOf(object) : ABSENT;
    const from = positionOf(state, chain);
    if (from === undefined) awaited.set(key, state);
    else chain.slice(from).forEach((change) => keep.add(change));
  }
  return {
    pending: buffered.filter((change) => keep.has(change)),
    admit(change) {
      const key = changeKey(change);
      const state = awaited.get(key);
      if (!state) return true;
      const after = stateAfter(change);
      // The change that made the listed state: the subscriber has it already.
      if (same(after, state)) return void awaited.delete(key), false;
      // Past it without passing through it (a relist reports only the newest state): new again.
      if (passes(change, state)) return void awaited.delete(key), true;
      return false;
    },
  };
}

/** How many changes of `chain` the listed state already holds, or undefined when it is none of the chain's states. */
function positionOf(state: State, chain: readonly ResourceChange[]): number | undefined {
  // The last match: only absence can recur, and any absent state leads on consistently.
  for (let i = chain.length - 1; i >= 0; i--) if (same(stateAfter(chain[i]!), state)) return i + 1;
  return before(chain[0]!, state) ? 0 : undefined;
}

/** Whether `state` is the object's state before `first`, the first change buffered. */
function before(first: ResourceChange, state: State): boolean {
  switch (first.type) {
    case 'ADDED':
      return !state.present;
    case 'MODIFIED':
      return first.previous !== undefined && same(stateOf(first.previous), state);
    case 'DELETED':
      // A deletion carries a resourceVersion of its own: the state before it is known by its incarnation.
      return state.present && state.uid !== undefined && first.object.metadata?.uid === state.uid;
  }
}

/** A change that can only come after the awaited state, though it does not produce it. */
function passes(change: ResourceChange, state: State): boolean {
  if (!state.present) return change.type === 'ADDED';
  return change.type === 'DELETED' && state.uid !== undefined && change.object.metadata?.uid === state.uid;
}

function stateAfter(change: ResourceChange): State {
  return change.type === 'DELETED' ? ABSENT : stateOf(change.object);
}

function stateOf(object: KubeObjectLike): State {
  return { present: true, resourceVersion: object.metadata?.resourceVersion ?? '', uid: object.metadata?.uid };
}

function same(a: State, b: State): boolean {
  return a.present ? b.present && a.resourceVersion === b.resourceVersion : !b.present;
}

function changeKey(change: ResourceChange): string {
  return objectKey(change, change.object);
}
