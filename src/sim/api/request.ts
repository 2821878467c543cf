// What a handler needs from an HTTP request, read once: query, media types, body.
import type { IncomingMessage } from 'node:http';
import { parse as parseYaml } from 'yaml';
import { SimError } from '../errors.js';

export interface ApiRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  contentType: string;
  accept: string;
  body: unknown;
}

const maxBody = 8 * 1024 * 1024;

export async function readRequest(req: IncomingMessage): Promise<ApiRequest> {
  const url = new URL(req.url ?? '/', 'http://sim');
  const contentType = (req.headers['content-type'] ?? '').split(';')[0]!.trim();
  const raw = await readBody(req);
  return {
    method: req.method ?? 'GET',
    path: url.pathname,
    query: url.searchParams,
    contentType,
    accept: req.headers.accept ?? '',
    body: raw ? parseBody(raw, contentType) : undefined,
  };
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > maxBody) throw new SimError('BadRequest', 'request body too large', undefined, 413);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function parseBody(raw: string, contentType: string): unknown {
  try {
    return contentType.includes('yaml') ? parseYaml(raw) : JSON.parse(raw);
  } catch (err) {
    throw new SimError('BadRequest', `the body of the request was in an unknown format: ${(err as Error).message}`);
  }
}

/** Parses an integer query parameter, answering 400 as the API server does for garbage. */
export function intParam(query: URLSearchParams, name: string): number | undefined {
  const raw = query.get(name);
  if (raw === null || raw === '') return undefined;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) throw new SimError('BadRequest', `invalid value for ${name}: "${raw}"`);
  return n;
}

export function boolParam(query: URLSearchParams, name: string): boolean {
  const raw = query.get(name);
  return raw === '1' || raw === 'true';
}
