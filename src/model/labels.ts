import type { Labels } from './records.js';

/** Labels as the contract's `[Label!]!`: key/value pairs sorted by key (code-point order, the same everywhere). */
export function toLabelList(labels: Labels): { key: string; value: string }[] {
  return Object.entries(labels)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, value]) => ({ key, value }));
}
