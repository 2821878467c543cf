import { registerEnumType } from 'type-graphql';
import type { Direction } from '../src/query/paginate.js';

// Shared by every sortable connection; the values are paginate's own directions.
export const SortDirection = {
  ASC: 'ASC',
  DESC: 'DESC',
} as const satisfies { [K in Direction]: K };
export type SortDirection = Direction;

registerEnumType(SortDirection, { name: 'SortDirection' });
