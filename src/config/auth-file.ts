// The access file (FLEETGRAPH_AUTH_FILE): who may call the gateway, with which roles and scope.
// Read once at start; a bad file stops the start with a message naming the entry and field.
// It holds only SHA-256 hashes of tokens, never a token, so it is safe to keep in a repository.
import { dirname, resolve } from 'node:path';
import { z } from 'zod';
import { ROLES, type Role } from '../model/roles.js';
import { parseConfigDocument, readConfigText } from './config-file.js';

/** Roles and scope granted to a caller; absent clusters/namespaces: every one. */
export interface GrantSettings {
  readonly roles: readonly Role[];
  readonly clusters?: readonly string[];
  readonly namespaces?: readonly string[];
}

export interface TokenSettings extends GrantSettings {
  readonly name: string;
  /** lower-case hex SHA-256 of the token */
  readonly sha256: string;
}

/** Which claims of a JWT carry what. Defaults: sub, fleetgraph_roles, fleetgraph_clusters, fleetgraph_namespaces. */
export interface JwtClaims {
  readonly name: string;
  readonly roles: string;
  readonly clusters: string;
  readonly namespaces: string;
}

export interface JwtSettings {
  /** the key set, read from jwksFile at start, or fetched (and refreshed) from jwksUrl */
  readonly jwks: { readonly keys: readonly Record<string, unknown>[] } | { readonly url: string };
  readonly issuer: string;
  readonly audience: string;
  readonly claims: JwtClaims;
}

export interface AuthSettings {
  readonly tokens: readonly TokenSettings[];
  readonly jwt?: JwtSettings;
  /** what a caller without a token gets; absent: nothing (UNAUTHENTICATED) */
  readonly anonymous?: GrantSettings;
}

const names = (what: string) => z.array(z.string().min(1, 'must not be empty')).min(1, `must name at least one ${what} (leave it out for all)`);
const grant = {
  roles: z.array(z.enum(ROLES, { error: `must be one of ${ROLES.join(', ')}` })).min(1, 'must name at least one role'),
  clusters: names('cluster').optional(),
  namespaces: names('namespace glob').optional(),
};

const tokenSchema = z
  .object({
    name: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._@:-]*$/, 'must be letters, digits, ".", "_", "@", ":" or "-"'),
    sha256: z.string().regex(/^[0-9a-fA-F]{64}$/, 'must be the 64 hex digits of the token\'s SHA-256 (printf %s "$TOKEN" | sha256sum)'),
    ...grant,
  })
  .strict();

const jwtSchema = z
  .object({
    jwksFile: z.string().min(1).optional(),
    jwksUrl: z.url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' }).optional(),
    issuer: z.string().min(1, 'must not be empty'),
    audience: z.string().min(1, 'must not be empty'),
    claims: z
      .object({
        name: z.string().min(1).default('sub'),
        roles: z.string().min(1).default('fleetgraph_roles'),
        clusters: z.string().min(1).default('fleetgraph_clusters'),
        namespaces: z.string().min(1).default('fleetgraph_namespaces'),
      })
      .strict()
      .prefault({}),
  })
  .strict()
  .refine((jwt) => (jwt.jwksFile === undefined) !== (jwt.jwksUrl === undefined), { message: 'give exactly one of jwksFile and jwksUrl', path: ['jwksFile'] });

const fileSchema = z
  .object({
    tokens: z.array(tokenSchema).default([]),
    jwt: jwtSchema.optional(),
    anonymous: z.object(grant).strict().optional(),
  })
  .strict()
  .superRefine((file, ctx) => {
    if (file.tokens.length === 0 && !file.jwt && !file.anonymous) ctx.addIssue({ code: 'custom', message: 'must give tokens, jwt or anonymous: this file lets nobody in', path: [] });
    for (const field of ['name', 'sha256'] as const) {
      const seen = new Set<string>();
      file.tokens.forEach((token, index) => {
        const value = token[field].toLowerCase();
        if (seen.has(value)) ctx.addIssue({ code: 'custom', message: 'is the same as an earlier token\'s', path: ['tokens', index, field] });
        seen.add(value);
      });
    }
  });

/** The access file could not be used; the message says which entry and field, and why. */
export class AuthFileError extends Error {
  override readonly name = 'AuthFileError';
}

/**
 * Reads the access file (JSON or YAML: one parser serves both) and the key set its jwksFile
 * names (relative to the access file).
 * @throws AuthFileError for an unreadable or invalid file, naming the entry and field
 */
export function readAuthFile(path: string): AuthSettings {
  return parseAuthFile(readConfigText(path, 'access file', fail), { source: path, readJwks: (file) => readConfigText(resolve(dirname(path), file), 'jwksFile', fail) });
}

/** As readAuthFile, from the file's text; `source` names it in messages. */
export function parseAuthFile(text: string, { source, readJwks }: { source: string; readJwks: (file: string) => string }): AuthSettings {
  const { tokens, jwt, anonymous } = parseConfigDocument(text, { what: 'access file', source, schema: fileSchema, entries: { list: 'tokens', entry: 'token' }, fail });
  const settings: AuthSettings = { tokens: tokens.map((t) => ({ ...t, sha256: t.sha256.toLowerCase() })), anonymous };
  if (!jwt) return settings;
  const { jwksFile, jwksUrl, ...rest } = jwt;
  const jwks = jwksUrl !== undefined ? { url: jwksUrl } : keySet(jwksFile!, readJwks, source);
  return { ...settings, jwt: { ...rest, jwks } };
}

function keySet(file: string, read: (file: string) => string, source: string): { keys: Record<string, unknown>[] } {
  const refuse = (why: string) => new AuthFileError(`access file ${source}:\n  jwt.jwksFile: ${why}`);
  let text: string;
  try {
    text = read(file);
  } catch (err) {
    throw refuse(err instanceof Error ? err.message : String(err));
  }
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (err) {
    throw refuse(`${file} is not JSON: ${(err as Error).message}`);
  }
  const keys = (document as { keys?: unknown } | null)?.keys;
  if (!Array.isArray(keys) || keys.length === 0 || !keys.every((k) => typeof k === 'object' && k !== null)) {
    throw refuse(`${file} must be a JSON Web Key Set: { "keys": [ ... ] } with at least one key`);
  }
  return { keys: keys as Record<string, unknown>[] };
}

const fail = (message: string) => new AuthFileError(message);
