// Mutation arguments as the audit keeps them: plain JSON, bounded in depth and size, with
// secrets replaced, whatever the caller sent. Built in one walk whose recursion stops at
// maxDepth, so no input (a pod template nested 20,000 levels) can overflow the stack here
// or where the entry is serialised, and no entry outgrows the store.
import { REDACTED, redactText } from './secret-values.js';

export { REDACTED };

// Named secrets, and any name holding one of these words. `idempotencyKey` names no secret, and
// a bare `key` is a label's, so neither is hidden; `apiKey`, `privateKey`, `clientKeyData` are.
// Kubernetes' references to a secret (`secretKeyRef: { name, key }`) name it and hold nothing.
const SECRET_NAMES = new Set(['token', 'certificateauthoritydata']);
const SECRET_WORDS = /secret|password|passwd|passphrase|credential|token|.key(data)?$/i;
const NOT_SECRET = new Set(['key', 'idempotencykey', 'secretkeyref', 'secretref', 'secretname']);

export function isSecretName(name: string): boolean {
  const lower = name.toLowerCase();
  if (NOT_SECRET.has(lower)) return false;
  return SECRET_NAMES.has(lower) || SECRET_WORDS.test(name);
}

/** Where the audit cuts arguments short; each cut leaves a "[truncated: …]" marker in place. */
export interface ArgLimits {
  /** levels of nesting kept below the arguments object. Default 32 (a pod template needs ~15). */
  maxDepth: number;
  /** characters kept of one string. Default 4096. */
  maxStringLength: number;
  /** items kept of one list, fields of one object. Default 256. */
  maxItems: number;
  /** characters kept in all, about the size of the arguments as JSON; what comes after is replaced. Default 65,536. */
  maxTotalChars: number;
}

export const DEFAULT_ARG_LIMITS: ArgLimits = { maxDepth: 32, maxStringLength: 4096, maxItems: 256, maxTotalChars: 65_536 };

/**
 * A plain JSON copy of a mutation's arguments for the audit: input class instances become plain
 * objects, Dates ISO strings; secret-named fields, container `env[].value`s and secret-looking
 * strings (secret-values.ts) are redacted; past `limits`, values are cut with a marker.
 * Null secrets stay null, so the audit still tells "none given" from "given".
 */
export function auditArgs(args: Record<string, unknown>, limits: ArgLimits = DEFAULT_ARG_LIMITS): Record<string, unknown> {
  const walk = new ArgWalk(limits);
  return walk.object(args, 0, undefined);
}

class ArgWalk {
  private budget: number;

  constructor(private readonly limits: ArgLimits) {
    this.budget = limits.maxTotalChars;
  }

  // Every value spends from the budget roughly what its JSON takes, so no shape of input
  // (a million empty lists, say) escapes the size limit.
  value(value: unknown, depth: number, key: string | undefined): unknown {
    if (value === undefined || typeof value === 'function' || typeof value === 'symbol') return undefined;
    if (this.budget <= 0) return `[truncated: past the audit's ${this.limits.maxTotalChars}-character limit]`;
    if (typeof value === 'string') return this.string(value);
    if (value instanceof Date) return this.scalar(Number.isNaN(value.getTime()) ? null : value.toISOString());
    if (typeof value !== 'object' || value === null) return this.scalar(typeof value === 'bigint' ? String(value) : (value as number | boolean | null));
    if (depth >= this.limits.maxDepth) return `[truncated: nested deeper than ${this.limits.maxDepth} levels]`;
    this.budget -= 2;
    return Array.isArray(value) ? this.array(value, depth + 1, key) : this.object(value as Record<string, unknown>, depth + 1, key);
  }

  private scalar<T extends string | number | boolean | null>(value: T): T {
    this.budget -= String(value).length;
    return value;
  }

  // Items of a list sit under the list's own name: `env: [{ name, value }]` keeps `env` for its items.
  private array(items: readonly unknown[], depth: number, key: string | undefined): unknown[] {
    const kept: unknown[] = [];
    for (const item of items) {
      if (kept.length === this.limits.maxItems || this.budget <= 0) break;
      kept.push(this.value(item, depth, key) ?? null);
    }
    if (items.length > kept.length) kept.push(`[truncated: ${more(items.length - kept.length, 'item')}]`);
    return kept;
  }

  object(source: Record<string, unknown>, depth: number, parent: string | undefined): Record<string, unknown> {
    const copy: Record<string, unknown> = {};
    const entries = Object.entries(source).filter(([, item]) => item !== undefined);
    let count = 0;
    for (const [key, item] of entries) {
      if (count === this.limits.maxItems || this.budget <= 0) break;
      count++;
      this.budget -= key.length;
      const secret = item !== null && (isSecretName(key) || (parent === 'env' && key === 'value'));
      const kept = secret ? REDACTED : this.value(item, depth, key);
      if (kept !== undefined) copy[key] = kept;
    }
    if (entries.length > count) copy['[truncated]'] = more(entries.length - count, 'field');
    return copy;
  }

  // Redacted whole before it is cut, so a secret that straddles the cut is still recognised.
  private string(text: string): string {
    const redacted = redactText(text);
    const keep = Math.min(this.limits.maxStringLength, this.budget);
    this.budget -= Math.min(redacted.length, keep);
    if (redacted.length <= keep) return redacted;
    return `${redacted.slice(0, keep)}[truncated: ${more(redacted.length - keep, 'character')}]`;
  }
}

function more(count: number, what: string): string {
  return `${count} more ${what}${count === 1 ? '' : 's'}`;
}
