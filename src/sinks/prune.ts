// Removing fields a receiver does not want (noise such as managedFields, or secrets) before an
// object is compared or sent.

/**
 * `object` without the fields at `paths`, leaving `object` itself untouched: only the
 * containers along a pruned path are copied, the rest is shared (the engine's objects are
 * treated as immutable).
 *
 * Path rules:
 * - segments are separated by dots: `metadata.managedFields`, `status.conditions`;
 * - an array on the way applies the rest of the path to every element:
 *   `spec.template.spec.containers.resources` removes `resources` from each container;
 *   there is no index syntax;
 * - keys that contain dots are matched whole, longest first:
 *   `metadata.annotations.kubectl.kubernetes.io/last-applied-configuration` works;
 * - a path that leads nowhere removes nothing.
 */
export function pruneFields<T>(object: T, paths: readonly string[]): T {
  let result: unknown = object;
  for (const path of paths) result = without(result, path.split('.'));
  return result as T;
}

function without(value: unknown, segments: readonly string[]): unknown {
  if (Array.isArray(value)) {
    const elements = value.map((element: unknown) => without(element, segments));
    return elements.some((element, i) => element !== value[i]) ? elements : value;
  }
  if (!isRecord(value)) return value;
  for (let take = segments.length; take >= 1; take--) {
    const key = take === 1 ? segments[0]! : segments.slice(0, take).join('.');
    if (!Object.hasOwn(value, key)) continue;
    const rest = segments.slice(take);
    if (rest.length === 0) {
      const { [key]: _removed, ...others } = value;
      return others;
    }
    const inner = without(value[key], rest);
    return inner === value[key] ? value : { ...value, [key]: inner };
  }
  return value;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !(value instanceof Date);
}
