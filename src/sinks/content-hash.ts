// What "unchanged" means for the dedupe window.
import { createHash } from 'node:crypto';
import { pruneFields } from './prune.js';

// Fields that change without the object changing: every write bumps resourceVersion, and
// managedFields records who wrote, not what.
const VOLATILE = ['metadata.resourceVersion', 'metadata.managedFields'];

/**
 * SHA-256 (hex) of the object's canonical JSON — keys sorted at every level, `undefined`
 * members left out, dates as ISO strings — after removing `metadata.resourceVersion` and
 * `metadata.managedFields`. Give it the object as the sink pruned it, so fields the sink
 * prunes (say `status.conditions` with their heartbeat times) do not count as changes either.
 */
export function contentHash(object: unknown): string {
  return createHash('sha256').update(canonicalJson(pruneFields(object, VOLATILE))).digest('hex');
}

/** JSON.stringify with keys in code-point order, so equal content gives equal text. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sorted(value)) ?? 'null';
}

function sorted(value: unknown): unknown {
  const plain = hasToJson(value) ? value.toJSON() : value;
  if (Array.isArray(plain)) return plain.map(sorted);
  if (typeof plain !== 'object' || plain === null) return plain;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(plain).sort()) {
    const member = (plain as Record<string, unknown>)[key];
    if (member !== undefined) out[key] = sorted(member);
  }
  return out;
}

function hasToJson(value: unknown): value is { toJSON(): unknown } {
  return typeof value === 'object' && value !== null && typeof (value as { toJSON?: unknown }).toJSON === 'function';
}
