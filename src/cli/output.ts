// Printing results as a table (for people), JSON (an array or object a script parses) or YAML.
import { createRequire } from 'node:module';
import type * as Yaml from 'yaml';
import type { OutStream } from './io.js';

// yaml loads only for -o yaml: every run of a short-lived CLI pays for what it imports.
const require = createRequire(import.meta.url);
const stringify = (value: unknown): string => (require('yaml') as typeof Yaml).stringify(value);

export const FORMATS = ['table', 'json', 'yaml'] as const;
export type Format = (typeof FORMATS)[number];

/** A table column: its header and how a row shows in it. */
export type Column<T> = readonly [header: string, cell: (row: T) => string | number | boolean | null | undefined];

/** Rows as aligned columns under upper-case headers; `(none)` for no rows. */
export function formatTable<T>(rows: readonly T[], columns: readonly Column<T>[]): string {
  if (rows.length === 0) return '(none)\n';
  const cells = [columns.map(([header]) => header), ...rows.map((row) => columns.map(([, cell]) => String(cell(row) ?? '-')))];
  const widths = columns.map((_, i) => Math.max(...cells.map((line) => line[i]!.length)));
  return cells.map((line) => line.map((cell, i) => (i === line.length - 1 ? cell : cell.padEnd(widths[i]!))).join('  ').trimEnd()).join('\n') + '\n';
}

/** Writes `value` as JSON or YAML, or `table()` for the table format. */
export function print(out: OutStream, format: Format, value: unknown, table: () => string): void {
  switch (format) {
    case 'json':
      out.write(`${JSON.stringify(value, null, 2)}\n`);
      return;
    case 'yaml':
      out.write(stringify(value));
      return;
    case 'table':
      out.write(table());
      return;
    default: {
      const never: never = format;
      throw new Error(`unknown format ${String(never)}`);
    }
  }
}

/** One item of a stream (watch): a line of JSON, a YAML document, or a table row. */
export function printStreamed(out: OutStream, format: Format, value: unknown, row: () => string): void {
  if (format === 'json') out.write(`${JSON.stringify(value)}\n`);
  else if (format === 'yaml') out.write(`---\n${stringify(value)}`);
  else out.write(`${row()}\n`);
}
