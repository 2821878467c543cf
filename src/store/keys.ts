// Both databases reserve field names: nedb refuses any key holding '.' or starting with '$',
// MongoDB treats them as paths and operators. Free-form maps (cluster labels such as
// `fleetgraph.io/env`, operation params, audit args) may hold such keys, so every document
// is written with its keys escaped and read back unescaped. '%' is escaped too, so the
// mapping is reversible: `a.b` ⇄ `a%2Eb`, `$x` ⇄ `%24x`, `50%` ⇄ `50%25`.

const ESCAPES: Readonly<Record<string, string>> = { '%': '%25', '.': '%2E', $: '%24' };
const UNESCAPES: Readonly<Record<string, string>> = { '%25': '%', '%2E': '.', '%24': '$' };

export function escapeKey(key: string): string {
  return key.replace(/[%.]|^\$/g, (c) => ESCAPES[c]!);
}

export function unescapeKey(key: string): string {
  return key.replace(/%(25|2E|24)/g, (code) => UNESCAPES[code]!);
}

/** A deep copy with every object key escaped; Dates and other non-plain values are kept as they are. */
export function escapeKeys<T>(value: T): T {
  return mapKeys(value, escapeKey) as T;
}

/** The inverse of escapeKeys. */
export function unescapeKeys<T>(value: T): T {
  return mapKeys(value, unescapeKey) as T;
}

function mapKeys(value: unknown, rename: (key: string) => string): unknown {
  if (Array.isArray(value)) return value.map((item) => mapKeys(item, rename));
  if (!isPlainObject(value)) return value;
  const copy: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    if (item !== undefined) copy[rename(key)] = mapKeys(item, rename);
  }
  return copy;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object') return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}
