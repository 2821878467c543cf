// A list's items grouped by one key of each (a pod's node, an object's namespace, the uid of
// its controlling owner), built in one pass the first time a key is asked for. Keyed by the
// list array itself: a request's FleetReader hands the same array to every field that asks,
// and the read cache the same one to every request until the kind changes, so an index lives
// exactly as long as its list: it cannot go stale, and a warm cache does not build it again.

const NONE: readonly never[] = Object.freeze([]);

/** `(items, key)` → the items whose `keyOf` is `key`, in list order; items without a key are in no group. */
export function listIndex<T>(keyOf: (item: T) => string | undefined): (items: readonly T[], key: string) => readonly T[] {
  const indexes = new WeakMap<readonly T[], ReadonlyMap<string, readonly T[]>>();
  return (items, key) => {
    let index = indexes.get(items);
    if (!index) {
      index = groupBy(items, keyOf);
      indexes.set(items, index);
    }
    return index.get(key) ?? NONE;
  };
}

function groupBy<T>(items: readonly T[], keyOf: (item: T) => string | undefined): ReadonlyMap<string, readonly T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    if (key === undefined) continue;
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}
