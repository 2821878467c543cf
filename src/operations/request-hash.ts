// What an idempotency key stands for: the mutation and its input, hashed in a canonical form
// (keys sorted at every level, absent and null members left out, the key itself left out), so
// the same request written in another order hashes the same.
import { createHash } from 'node:crypto';

export function requestHash(mutation: string, input: object): string {
  const { idempotencyKey: _, ...rest } = input as Record<string, unknown>;
  return createHash('sha256').update(JSON.stringify(canonical({ mutation, input: rest }))).digest('hex');
}

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value instanceof Date) return value.toISOString();
  if (value === null || typeof value !== 'object') return value;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined && v !== null)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return Object.fromEntries(entries.map(([k, v]) => [k, canonical(v)]));
}
