// What a printer is: the columns of one kind's Table, each with the function that fills
// its cell, so a column and its cells cannot drift apart. Shared columns live here too.
import type { KubeObject } from '../../objects.js';
import { since } from './duration.js';

/** a Table cell: kubectl prints strings as they are and numbers in decimal */
export type Cell = string | number;

export interface PrintContext {
  /** simulated epoch milliseconds the Table is printed at: what AGE is measured against */
  readonly now: number;
}

export interface Column {
  /** as the API server names it; kubectl upper-cases it (`Up-to-date` → UP-TO-DATE) */
  readonly name: string;
  /** the OpenAPI type the API server declares; some count columns declare `string` there */
  readonly type: 'string' | 'integer' | 'date';
  /** `name` marks the column holding the object's name; default none */
  readonly format?: 'name';
  /** 1: shown with `-o wide` only; default 0 */
  readonly priority?: 1;
  readonly description: string;
  readonly cell: (obj: KubeObject, ctx: PrintContext) => Cell;
}

/** A row condition: the API server marks pods that ran to completion, clients may dim them. */
export interface RowCondition {
  type: 'Completed';
  status: 'True';
  reason: string;
  message: string;
}

export interface Printer {
  readonly columns: readonly Column[];
  readonly conditions?: (obj: KubeObject) => RowCondition[] | undefined;
  /** the order the rows of a list are printed in; default the list's own */
  readonly compare?: (a: KubeObject, b: KubeObject) => number;
}

export const NAME_DOC =
  'Name must be unique within a namespace. Is required when creating resources, although some resources may allow a client to request the generation of an appropriate name automatically. Name is primarily intended for creation idempotence and configuration definition. Cannot be updated. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names#names';
export const CREATED_DOC =
  'CreationTimestamp is a timestamp representing the server time when this object was created. It is not guaranteed to be set in happens-before order across separate operations. Clients may not set this value. It is represented in RFC3339 form and is in UTC.\n\nPopulated by the system. Read-only. Null for lists. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata';

/** a count field as stored; absent (an omitted zero) or malformed reads as 0 */
export function count(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : 0;
}

export function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/** a list field as stored; absent reads as empty */
export function listOf<T = Record<string, unknown>>(value: unknown): T[] {
  return Array.isArray(value) ? (value as T[]) : [];
}

export const nameColumn: Column = { name: 'Name', type: 'string', format: 'name', description: NAME_DOC, cell: (o) => o.metadata.name };

export const ageColumn: Column = { name: 'Age', type: 'string', description: CREATED_DOC, cell: (o, ctx) => since(o.metadata.creationTimestamp, ctx.now) };
