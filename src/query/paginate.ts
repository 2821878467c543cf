// Cursor pagination over a sorted list. A cursor holds the sort key of the last item
// seen, so the next page starts after that key: pages stay free of gaps and repeats
// even when objects come and go between requests.
import { BadUserInputError } from '../errors/index.js';

export type SortValue = string | number | null;
export type Direction = 'ASC' | 'DESC';

export interface SortKey<T> {
  /** names the ordering, so a cursor from one ordering is refused by another */
  readonly name: string;
  /** the item's sort values, most significant first; the last should be unique (an id) */
  values(item: T): SortValue[];
  directions: readonly Direction[];
}

export interface PageArgs {
  first?: number | null;
  after?: string | null;
}

export interface Page<T> {
  edges: { cursor: string; node: T }[];
  nodes: T[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  totalCount: number;
}

export const DEFAULT_PAGE_SIZE = 100;
export const MAX_PAGE_SIZE = 1000;

/** Nulls sort last in either direction, as dashboards expect. */
export function compareValues(a: SortValue[], b: SortValue[], directions: readonly Direction[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i] ?? null;
    const y = b[i] ?? null;
    if (x === y) continue;
    if (x === null) return 1;
    if (y === null) return -1;
    const order = x < y ? -1 : 1;
    return directions[i] === 'DESC' ? -order : order;
  }
  return 0;
}

export function sortBy<T>(items: readonly T[], key: SortKey<T>): T[] {
  const keyed = items.map((item) => ({ item, values: key.values(item) }));
  keyed.sort((a, b) => compareValues(a.values, b.values, key.directions));
  return keyed.map((k) => k.item);
}

/** `items` must already be sorted by `key`. */
export function paginate<T>(items: readonly T[], key: SortKey<T>, { first, after }: PageArgs): Page<T> {
  const size = pageSize(first);
  let start = 0;
  if (after) {
    const last = decodeCursor(after, key.name);
    start = items.findIndex((item) => compareValues(key.values(item), last, key.directions) > 0);
    if (start < 0) start = items.length;
  }
  const page = items.slice(start, start + size);
  const edges = page.map((node) => ({ cursor: encodeCursor(key.name, key.values(node)), node }));
  return {
    edges,
    nodes: page,
    pageInfo: { hasNextPage: start + size < items.length, endCursor: edges.at(-1)?.cursor ?? null },
    totalCount: items.length,
  };
}

/** `first` checked: DEFAULT_PAGE_SIZE when absent, BAD_USER_INPUT outside 0..MAX_PAGE_SIZE. */
export function pageSize(first: number | null | undefined): number {
  if (first === null || first === undefined) return DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 0 || first > MAX_PAGE_SIZE) {
    throw new BadUserInputError(`first must be a whole number from 0 to ${MAX_PAGE_SIZE}, got ${first}`);
  }
  return first;
}

/** A cursor at `values` in the named ordering (paginate's, or a store's own keyset paging). */
export function encodeCursor(ordering: string, values: SortValue[]): string {
  return Buffer.from(JSON.stringify([ordering, values])).toString('base64url');
}

/** The values of a cursor from encodeCursor; BAD_USER_INPUT for anything else or another ordering's. */
export function decodeCursor(cursor: string, ordering: string): SortValue[] {
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw new BadUserInputError(`after: "${cursor}" is not a cursor this API gave out`);
  }
  if (!Array.isArray(decoded) || decoded.length !== 2 || !Array.isArray(decoded[1])) {
    throw new BadUserInputError(`after: "${cursor}" is not a cursor this API gave out`);
  }
  if (decoded[0] !== ordering) throw new BadUserInputError('after: the cursor comes from a different sort order; start again without it');
  return decoded[1] as SortValue[];
}
