// What a handler needs from an HTTP request, read once: query, media types, body.
import type { IncomingMessage } from 'node:http';
import { parse as parseYaml } from 'yaml';
import { SimError } from '../errors.js';
import { patchTypeFromContentType } from '../patch.js';
import { PROTOBUF_MEDIA_TYPE, decodeKubeProtobuf } from '../proto/codec.js';

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
    body: raw.length ? parseBody(raw, contentType, req.method ?? 'GET') : undefined,
  };
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > maxBody) throw new SimError('BadRequest', 'request body too large', undefined, 413);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/** what create, update and delete bodies may be sent as, in the API server's words */
export const BODY_MEDIA_TYPES = ['application/json', 'application/yaml', PROTOBUF_MEDIA_TYPE];

function parseBody(raw: Buffer, contentType: string, method: string): unknown {
  if (method === 'PATCH') {
    // A patch of an unknown type is refused by the patch verb, naming the patch types.
    if (!patchTypeFromContentType(contentType)) return undefined;
  } else if (contentType === PROTOBUF_MEDIA_TYPE) {
    return decodeKubeProtobuf(raw);
  } else if (contentType !== '' && !BODY_MEDIA_TYPES.includes(contentType)) {
    throw new SimError('UnsupportedMediaType', `the body of the request was in an unknown format - accepted media types include: ${BODY_MEDIA_TYPES.join(', ')}`);
  }
  try {
    const text = raw.toString('utf8');
    return contentType.includes('yaml') ? parseYaml(text) : JSON.parse(text);
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
