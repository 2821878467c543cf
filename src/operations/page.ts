import { type Page, type PageArgs, type SortKey, paginate, sortBy } from '../query/paginate.js';
import type { OperationRecord } from './records.js';

/** Newest first; the id breaks ties so cursors stay exact. */
export const OPERATIONS_NEWEST_FIRST: SortKey<OperationRecord> = {
  name: 'operations:createdAt-desc',
  values: (op) => [op.createdAt.getTime(), op.id],
  directions: ['DESC', 'ASC'],
};

export function pageOperations(operations: readonly OperationRecord[], args: PageArgs): Page<OperationRecord> {
  return paginate(sortBy(operations, OPERATIONS_NEWEST_FIRST), OPERATIONS_NEWEST_FIRST, args);
}
