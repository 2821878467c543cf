// The auditLog query's pages: newest first, paged in the store by keyset (the last entry's
// time and id), so a page costs one bounded read however long the log grows, and entries
// written while a client pages never shift what the next page holds. Cursors and page sizes
// are the other connections' (src/query/paginate.ts).
import { BadUserInputError } from '../errors/index.js';
import { type Page, type PageArgs, decodeCursor, encodeCursor, pageSize } from '../query/paginate.js';
import type { AuditEntry, AuditFilter, AuditPosition, AuditStore } from '../store/types.js';

const ORDERING = 'audit:at-desc';

export async function pageAuditLog(store: Pick<AuditStore, 'list' | 'count'>, filter: AuditFilter, { first, after }: PageArgs): Promise<Page<AuditEntry>> {
  const size = pageSize(first);
  const position = after ? positionOf(after) : undefined;
  // One entry more than asked says whether another page follows.
  const [found, totalCount] = await Promise.all([store.list({ ...filter, after: position, limit: size + 1 }), store.count(filter)]);
  const nodes = found.slice(0, size);
  const edges = nodes.map((node) => ({ cursor: encodeCursor(ORDERING, [node.at.getTime(), node.id]), node }));
  return { edges, nodes, pageInfo: { hasNextPage: found.length > size, endCursor: edges.at(-1)?.cursor ?? null }, totalCount };
}

function positionOf(cursor: string): AuditPosition {
  const [at, id, ...rest] = decodeCursor(cursor, ORDERING);
  if (typeof at !== 'number' || typeof id !== 'string' || rest.length > 0) {
    throw new BadUserInputError(`after: "${cursor}" is not a cursor this API gave out`);
  }
  return { at: new Date(at), id };
}
