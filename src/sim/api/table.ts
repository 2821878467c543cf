// Server-side printing: kubectl asks for `as=Table` and prints the columns we send. Each
// kind's columns and cells are the API server's (see printers/); the server always sends
// every column, and kubectl shows the priority-1 ones only with `-o wide`.
import { SimError } from '../errors.js';
import type { KubeObject } from '../objects.js';
import { type ResourceType, apiVersionOf } from '../resources.js';
import { type Column, type PrintContext, type Printer, type RowCondition, printerFor } from './printers/index.js';

/** what each row carries besides its cells: `?includeObject=`, Metadata when absent */
export type IncludeObject = 'None' | 'Metadata' | 'Object';

export interface TableColumnDefinition {
  name: string;
  type: string;
  format: string;
  description: string;
  priority: number;
}

export interface TableRow {
  cells: (string | number)[];
  conditions?: RowCondition[];
  object: object | null;
}

export interface Table {
  kind: 'Table';
  apiVersion: 'meta.k8s.io/v1';
  metadata: object;
  columnDefinitions: TableColumnDefinition[];
  rows: TableRow[];
}

export function wantsTable(accept: string): boolean {
  return accept.includes('as=Table');
}

/** Reads `?includeObject=`; any other value than None, Metadata or Object is a 400, as from the API server. */
export function includeObjectOf(query: URLSearchParams): IncludeObject {
  const raw = query.get('includeObject') ?? '';
  if (raw === '') return 'Metadata';
  if (raw === 'None' || raw === 'Metadata' || raw === 'Object') return raw;
  throw new SimError('BadRequest', `unrecognized includeObject value: "${raw}"`);
}

/**
 * A list as a Table. `now` gives the simulated time AGE is measured against; it defaults
 * to the wall clock, which is only right for a simulator running at speed 1.
 * Throws a BadRequest SimError for an unrecognized `includeObject`.
 */
export function renderList(rt: ResourceType, list: { items: readonly object[]; metadata: object }, query: URLSearchParams, now: () => number = Date.now): Table {
  const include = includeObjectOf(query);
  const printer = printerFor(rt.kind);
  const ctx: PrintContext = { now: now() };
  return {
    kind: 'Table',
    apiVersion: 'meta.k8s.io/v1',
    metadata: list.metadata,
    columnDefinitions: printer.columns.map(definitionOf),
    rows: ordered(printer, list.items.map(kubeObject)).map((obj) => rowOf(printer, rt, obj, include, ctx)),
  };
}

/** One object as a Table of one row, carrying the object's resourceVersion: a get, or a watch event. */
export function renderObject(rt: ResourceType, obj: KubeObject, query: URLSearchParams, now: () => number = Date.now): Table {
  return renderList(rt, { items: [obj], metadata: { resourceVersion: obj.metadata.resourceVersion } }, query, now);
}

function definitionOf(c: Column): TableColumnDefinition {
  return { name: c.name, type: c.type, format: c.format ?? '', description: c.description, priority: c.priority ?? 0 };
}

function ordered(printer: Printer, items: KubeObject[]): KubeObject[] {
  return printer.compare ? [...items].sort(printer.compare) : items;
}

function rowOf(printer: Printer, rt: ResourceType, obj: KubeObject, include: IncludeObject, ctx: PrintContext): TableRow {
  const conditions = printer.conditions?.(obj);
  return {
    cells: printer.columns.map((c) => c.cell(obj, ctx)),
    ...(conditions ? { conditions } : {}),
    object: embedded(rt, obj, include),
  };
}

function embedded(rt: ResourceType, obj: KubeObject, include: IncludeObject): object | null {
  switch (include) {
    case 'None':
      return null;
    case 'Metadata':
      return { kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata: obj.metadata };
    case 'Object':
      // Items of a list come without kind and apiVersion; an embedded object names its own.
      return { apiVersion: apiVersionOf(rt), kind: rt.kind, ...obj };
  }
}

function isKubeObject(item: object): item is KubeObject {
  return 'metadata' in item && !!item.metadata && typeof item.metadata === 'object';
}

/** list items are stored objects; anything else is a bug in the caller */
function kubeObject(item: object): KubeObject {
  if (!isKubeObject(item)) throw new Error('sim: a Table row needs an object with metadata');
  return item;
}
