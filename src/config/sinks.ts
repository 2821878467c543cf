// The event-sinks file (FLEETGRAPH_SINKS_FILE): which HTTP endpoints get which changes.
// Read once at start; a bad file stops the start with a message naming the sink and field.
import { z } from 'zod';
import { parseConfigDocument, readConfigText } from './config-file.js';

/** The kinds a sink may ask for, by the names the file uses. */
export const SINK_KINDS = ['deployments', 'statefulsets', 'daemonsets', 'pods', 'hosts', 'namespaces'] as const;
export type SinkKind = (typeof SINK_KINDS)[number];

/** add: ADDED, update: MODIFIED, delete: DELETED (quartermaster's names). */
export const SINK_EVENTS = ['add', 'update', 'delete'] as const;
export type SinkEventName = (typeof SINK_EVENTS)[number];

/** One endpoint and what it wants. Every default is applied by the time a SinkConfig exists. */
export interface SinkConfig {
  readonly name: string;
  readonly url: string;
  /** Basic-auth credentials, read from the variables the file names (usernameEnv, passwordEnv). */
  readonly auth?: { readonly username: string; readonly password: string };
  /** undefined: every cluster of the fleet */
  readonly clusters?: readonly string[];
  /** Default: every kind. */
  readonly kinds: readonly SinkKind[];
  /** undefined: every namespace; when set, cluster-scoped hosts are left out (they are in none) */
  readonly namespaces?: readonly string[];
  /** Always left out, even when listed in `namespaces`. Default none. */
  readonly ignoreNamespaces: readonly string[];
  /** Change types never sent. Default none. */
  readonly dropEvents: readonly SinkEventName[];
  /** Dot paths removed from each object before it is compared or sent. Default none. */
  readonly pruneFields: readonly string[];
  /** A POST goes out once this many events wait... Default 100. */
  readonly batchSize: number;
  /** ...or once the oldest waiting event has waited this long. Default 1000 ms. */
  readonly batchIntervalMs: number;
  /** An unchanged object is not sent again within this window; 0 turns it off. Default 60 000 ms. */
  readonly dedupeWindowMs: number;
  /** Events waiting beyond this are dropped, oldest first, and counted. Default 10 000. */
  readonly maxQueued: number;
  /** Limit for one POST. Default 10 000 ms. */
  readonly timeoutMs: number;
  /** First retry delay, doubled each failed attempt (with jitter). Default 500 ms. */
  readonly retryInitialDelayMs: number;
  /** Cap on the retry delay; a longer Retry-After is still honoured, up to 10 minutes. Default 30 000 ms. */
  readonly retryMaxDelayMs: number;
}

const names = z.array(z.string().min(1, 'must not be empty'));
const count = (min: number, max: number) => z.number().int(`must be a whole number`).min(min, `must be at least ${min}`).max(max, `must be at most ${max}`);
const fieldPath = z.string().regex(/^[^.\s]+(\.[^.\s]+)*$/, 'must be a dot path such as metadata.managedFields');
const variableName = z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'must be an environment variable name');

const sinkSchema = z
  .object({
    name: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'must be letters, digits, ".", "_" or "-"'),
    url: z.url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' }),
    usernameEnv: variableName.optional(),
    passwordEnv: variableName.optional(),
    clusters: names.min(1, 'must name at least one cluster (leave it out for all)').optional(),
    kinds: z.array(z.enum(SINK_KINDS, { error: `must be one of ${SINK_KINDS.join(', ')}` })).min(1).default([...SINK_KINDS]),
    namespaces: names.min(1, 'must name at least one namespace (leave it out for all)').optional(),
    ignoreNamespaces: names.default([]),
    dropEvents: z.array(z.enum(SINK_EVENTS, { error: `must be one of ${SINK_EVENTS.join(', ')}` })).default([]),
    pruneFields: z.array(fieldPath).default([]),
    batchSize: count(1, 10_000).default(100),
    batchIntervalMs: count(0, 3_600_000).default(1000),
    dedupeWindowMs: count(0, 86_400_000).default(60_000),
    maxQueued: count(1, 1_000_000).default(10_000),
    timeoutMs: count(1, 600_000).default(10_000),
    retryInitialDelayMs: count(1, 600_000).default(500),
    retryMaxDelayMs: count(1, 3_600_000).default(30_000),
  })
  .strict()
  .refine((sink) => (sink.usernameEnv === undefined) === (sink.passwordEnv === undefined), {
    message: 'usernameEnv and passwordEnv go together',
    path: ['passwordEnv'],
  });

const fileSchema = z
  .object({ sinks: z.array(sinkSchema) })
  .strict()
  .superRefine(({ sinks }, ctx) => {
    const seen = new Set<string>();
    sinks.forEach(({ name }, index) => {
      if (seen.has(name)) ctx.addIssue({ code: 'custom', message: `is used by an earlier sink`, path: ['sinks', index, 'name'] });
      seen.add(name);
    });
  });

type SinkInput = z.infer<typeof sinkSchema>;

/** The sinks file could not be used; the message says which sink and field, and why. */
export class SinksFileError extends Error {
  override readonly name = 'SinksFileError';
}

/**
 * Reads the sinks file (JSON or YAML: YAML is a superset, so one parser serves both),
 * validates it and resolves the credentials its sinks name from `env`.
 * @throws SinksFileError for an unreadable or invalid file, or a credential variable that is unset.
 */
export function readSinksFile(path: string, env: Readonly<Record<string, string | undefined>>): SinkConfig[] {
  return parseSinks(readConfigText(path, 'sinks file', fail), { source: path, env });
}

/** As readSinksFile, from the file's text; `source` names it in messages. */
export function parseSinks(text: string, { source, env }: { source: string; env: Readonly<Record<string, string | undefined>> }): SinkConfig[] {
  const { sinks: inputs } = parseConfigDocument(text, { what: 'sinks file', source, schema: fileSchema, entries: { list: 'sinks', entry: 'sink' }, fail });
  const problems: string[] = [];
  const sinks = inputs.map((sink) => resolve(sink, env, problems));
  if (problems.length > 0) throw new SinksFileError(`sinks file ${source}:\n${problems.join('\n')}`);
  return sinks;
}

function resolve(input: SinkInput, env: Readonly<Record<string, string | undefined>>, problems: string[]): SinkConfig {
  const { usernameEnv, passwordEnv, ...rest } = input;
  if (usernameEnv === undefined || passwordEnv === undefined) return rest;
  const unset = [usernameEnv, passwordEnv].filter((variable) => !env[variable]);
  // Only the variable's name is ever printed, never its value.
  for (const variable of unset) {
    const field = variable === usernameEnv ? 'usernameEnv' : 'passwordEnv';
    problems.push(`  sink "${input.name}" ${field}: names ${variable}, which is not set`);
  }
  return { ...rest, auth: { username: env[usernameEnv] ?? '', password: env[passwordEnv] ?? '' } };
}

const fail = (message: string) => new SinksFileError(message);
