// The settings files (FLEETGRAPH_AUTH_FILE, the sinks file): JSON or YAML — YAML is a
// superset, so one parser serves both — checked against a schema, each problem on its own
// line naming the entry (by its `name`, else its position) and the field.
import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import type { z } from 'zod';

export interface ConfigFileOptions<S extends z.ZodType> {
  /** what the file is called in messages: `access file`, `sinks file` */
  what: string;
  /** where the text came from (its path), named in messages */
  source: string;
  schema: S;
  /**
   * the top-level list whose entries messages name, and what one entry is called: `{ list: 'tokens', entry: 'token' }`;
   * without `list` the document itself is the list
   */
  entries: { list?: string; entry: string };
  /** the error each caller throws */
  fail: (message: string) => Error;
}

/** The file's text. @throws `fail(…)` naming the file and why it cannot be read. */
export function readConfigText(path: string, what: string, fail: (message: string) => Error): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (err) {
    throw fail(`${what} ${path}: cannot be read (${(err as NodeJS.ErrnoException).code ?? String(err)})`);
  }
}

/** The document checked against `schema`. @throws `fail(…)` listing every problem. */
export function parseConfigDocument<S extends z.ZodType>(text: string, { what, source, schema, entries, fail }: ConfigFileOptions<S>): z.infer<S> {
  let document: unknown;
  try {
    document = parseYaml(text);
  } catch (err) {
    throw fail(`${what} ${source}: not JSON or YAML: ${(err as Error).message}`);
  }
  const parsed = schema.safeParse(document ?? {});
  if (!parsed.success) throw fail(`${what} ${source}:\n${describe(parsed.error.issues, document, entries)}`);
  return parsed.data;
}

function describe(issues: readonly z.core.$ZodIssue[], document: unknown, { list, entry }: ConfigFileOptions<z.ZodType>['entries']): string {
  return issues
    .map((issue) => {
      const [index, ...field] = list === undefined ? issue.path : issue.path[0] === list ? issue.path.slice(1) : [];
      if (typeof index !== 'number') return `  ${issue.path.join('.') || '(top level)'}: ${issue.message}`;
      const where = field.length > 0 ? ` ${field.join('.')}` : '';
      return `  ${entry} ${entryLabel(document, list, index)}${where}: ${issue.message}`;
    })
    .join('\n');
}

/** `"ci-bot"` when the entry has a usable name, else its position: `#2`. */
function entryLabel(document: unknown, list: string | undefined, index: number): string {
  const items = list === undefined ? (document as unknown[]) : (document as Record<string, unknown[] | undefined> | null | undefined)?.[list];
  const name = (items?.[index] as { name?: unknown } | undefined)?.name;
  return typeof name === 'string' && name !== '' ? `"${name}"` : `#${index + 1}`;
}
