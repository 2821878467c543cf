// The subgraphs file (FLEETGRAPH_SUBGRAPHS_FILE): the other services fleetgraph composes with its
// own schema into a supergraph (src/server/supergraph.ts). Read once at start; a bad file stops
// the start with a message naming the subgraph and field.
import { z } from 'zod';
import { parseConfigDocument, readConfigText } from './config-file.js';

/** The name fleetgraph's own subgraph has in the supergraph; no listed subgraph may take it. */
export const OWN_SUBGRAPH_NAME = 'fleetgraph';

/** One subgraph of the supergraph, besides fleetgraph itself. */
export interface SubgraphConfig {
  /** its name in the supergraph (and in composition messages) */
  readonly name: string;
  /** where its GraphQL endpoint answers, http:// or https:// */
  readonly url: string;
  /** incoming request headers passed on to it, lower-case; default none */
  readonly headers: readonly string[];
}

// Set per request to the subgraph by the HTTP client itself: forwarding the caller's would be wrong.
const UNFORWARDABLE = new Set(['connection', 'content-length', 'content-type', 'host', 'keep-alive', 'te', 'trailer', 'transfer-encoding', 'upgrade']);

const headerName = z
  .string()
  .regex(/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/, 'must be an HTTP header name such as authorization or x-team-token')
  .transform((name) => name.toLowerCase())
  .refine((name) => !UNFORWARDABLE.has(name), { message: 'is set for each request to the subgraph and cannot be forwarded' });

const subgraphSchema = z
  .object({
    name: z
      .string()
      .regex(/^[A-Za-z][A-Za-z0-9_-]*$/, 'must start with a letter and hold only letters, digits, "_" or "-"')
      .refine((name) => name.toLowerCase() !== OWN_SUBGRAPH_NAME, { message: `is fleetgraph's own subgraph's name; choose another` }),
    url: z.url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' }),
    headers: z.array(headerName).default([]).transform((names) => [...new Set(names)]),
  })
  .strict();

const fileSchema = z
  .array(subgraphSchema, { error: 'must be a list of subgraphs, each `- { name: NAME, url: URL, headers: [HEADER, ...] }`' })
  .min(1, 'must list at least one subgraph (leave FLEETGRAPH_SUBGRAPHS_FILE unset to serve fleetgraph alone)')
  .superRefine((subgraphs, ctx) => {
    const seen = new Set<string>();
    subgraphs.forEach(({ name }, index) => {
      // Composition names each subgraph's enum value in upper case: `teams` and `Teams` would meet there.
      if (seen.has(name.toLowerCase())) ctx.addIssue({ code: 'custom', message: 'is used by an earlier subgraph', path: [index, 'name'] });
      seen.add(name.toLowerCase());
    });
  });

/** The subgraphs file could not be used; the message says which subgraph and field, and why. */
export class SubgraphsFileError extends Error {
  override readonly name = 'SubgraphsFileError';
}

/**
 * Reads and validates the subgraphs file (YAML, or JSON: YAML is a superset).
 * @throws SubgraphsFileError for an unreadable or invalid file, naming the subgraph and field
 */
export function readSubgraphsFile(path: string): SubgraphConfig[] {
  return parseSubgraphs(readConfigText(path, 'subgraphs file', fail), { source: path });
}

/** As readSubgraphsFile, from the file's text; `source` names it in messages. */
export function parseSubgraphs(text: string, { source }: { source: string }): SubgraphConfig[] {
  return parseConfigDocument(text, { what: 'subgraphs file', source, schema: fileSchema, entries: { entry: 'subgraph' }, fail });
}

const fail = (message: string) => new SubgraphsFileError(message);
