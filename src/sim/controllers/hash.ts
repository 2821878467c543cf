// The short, stable hashes Kubernetes names things by: `pod-template-hash` (FNV-32a of the
// pod template) and ControllerRevision hashes (FNV-32 of the revision's data), both written
// with apimachinery's SafeEncodeString so they never spell words or look like numbers.
//
// Kubernetes hashes Go structs (spew output); we hash the template's canonical JSON instead.
// The values differ from a real cluster's, but have the same alphabet, length and stability.
// Also here: the JSON equalities the controllers decide by (is this write a no-op? is this
// ReplicaSet's template the deployment's?).

const ALPHANUMS = 'bcdfghjklmnpqrstvwxz2456789';
const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** A deep copy with every object's keys in sorted order, undefined members left out. */
export function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) {
    const v = (value as Record<string, unknown>)[key];
    if (v !== undefined) out[key] = sortKeys(v);
  }
  return out;
}

/** Deep equality of JSON-shaped values, ignoring key order and undefined members. */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const other = b as unknown[];
    return a.length === other.length && a.every((v, i) => sameJson(v, other[i]));
  }
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  const keys = (r: Record<string, unknown>) => Object.keys(r).filter((k) => r[k] !== undefined);
  const ka = keys(ra);
  if (ka.length !== keys(rb).length) return false;
  return ka.every((k) => sameJson(ra[k], rb[k]));
}

/**
 * Canonical JSON in which null, `{}` and `[]` count as absent — apimachinery's semantic
 * equality treats nil and empty alike, and a template that went through a Go client (as
 * `kubectl rollout undo` sends it) comes back with `creationTimestamp: null` and `resources: {}`.
 */
export function semanticJson(value: unknown): string {
  return JSON.stringify(prune(sortKeys(value)) ?? null);
}

/** semanticJson(a) === semanticJson(b), without building either text */
export function semanticEqual(a: unknown, b: unknown): boolean {
  if (isEmpty(a) || isEmpty(b)) return isEmpty(a) && isEmpty(b);
  if (typeof a !== 'object' || typeof b !== 'object') return a === b;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((v, i) => semanticEqual(v, b[i]));
  }
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  return Object.keys(ra).every((k) => semanticEqual(ra[k], rb[k])) && Object.keys(rb).every((k) => k in ra || isEmpty(rb[k]));
}

function isEmpty(value: unknown): boolean {
  if (value === null || value === undefined) return true;
  if (Array.isArray(value)) return value.length === 0;
  return typeof value === 'object' && Object.values(value).every(isEmpty);
}

function prune(value: unknown): unknown {
  if (value === null || value === undefined) return undefined;
  if (Array.isArray(value)) {
    const items = value.map((v) => prune(v) ?? null);
    return items.length ? items : undefined;
  }
  if (typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    const pruned = prune(v);
    if (pruned !== undefined) out[k] = pruned;
  }
  return Object.keys(out).length ? out : undefined;
}

/** apimachinery's rand.SafeEncodeString: each character mapped into a vowel-free alphabet. */
export function safeEncodeString(text: string): string {
  let out = '';
  for (const ch of text) out += ALPHANUMS[ch.codePointAt(0)! % ALPHANUMS.length];
  return out;
}

function fnv(bytes: Uint8Array, variant: '32' | '32a', seed = FNV_OFFSET): number {
  let hash = seed;
  for (const b of bytes) {
    if (variant === '32a') hash = Math.imul(hash ^ b, FNV_PRIME) >>> 0;
    else hash = (Math.imul(hash, FNV_PRIME) ^ b) >>> 0;
  }
  return hash;
}

const utf8 = new TextEncoder();

/**
 * controller.ComputeHash: the `pod-template-hash` of a Deployment's template (and a DaemonSet's
 * revision hash). A collision count, once a Deployment has one, is mixed in as 8 little-endian bytes.
 */
export function podTemplateHash(template: unknown, collisionCount?: number): string {
  let hash = fnv(utf8.encode(semanticJson(template)), '32a');
  if (collisionCount !== undefined) {
    const bytes = new Uint8Array(8);
    new DataView(bytes.buffer).setUint32(0, collisionCount >>> 0, true);
    hash = fnv(bytes, '32a', hash);
  }
  return safeEncodeString(String(hash));
}

/** history.HashControllerRevision: FNV-32 of the revision data, then the collision count in decimal. */
export function revisionHash(data: unknown, collisionCount?: number): string {
  let hash = fnv(utf8.encode(semanticJson(data)), '32');
  if (collisionCount !== undefined) hash = fnv(utf8.encode(String(collisionCount)), '32', hash);
  return safeEncodeString(String(hash));
}
