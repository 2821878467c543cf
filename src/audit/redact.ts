// Mutation arguments as the audit keeps them: plain data, with secrets replaced.

export const REDACTED = '[redacted]';

// Named secrets, and any name holding one of these words. `idempotencyKey` names no secret, and
// a bare `key` is a label's, so neither is hidden; `apiKey`, `privateKey`, `clientKeyData` are.
const SECRET_NAMES = new Set(['token', 'certificateauthoritydata']);
const SECRET_WORDS = /secret|password|passwd|passphrase|credential|token|.key(data)?$/i;
const NOT_SECRET = new Set(['key', 'idempotencykey']);

export function isSecretName(name: string): boolean {
  const lower = name.toLowerCase();
  if (NOT_SECRET.has(lower)) return false;
  return SECRET_NAMES.has(lower) || SECRET_WORDS.test(name);
}

/**
 * A plain deep copy of `value` (input class instances become objects, Dates stay) with the
 * value of every secret-named field, at any depth, replaced by "[redacted]". Null secrets stay
 * null, so the audit still tells "none given" from "given".
 */
export function redactSecrets(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redactSecrets);
  if (value === null || typeof value !== 'object' || value instanceof Date) return value;
  const copy: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    if (item === undefined) continue;
    copy[key] = isSecretName(key) && item !== null ? REDACTED : redactSecrets(item);
  }
  return copy;
}
