// One simulated cluster's API server on a loopback port. It reads the request,
// counts it, applies the cluster's faults, and answers as the Kubernetes API does.
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import type { RequestCounters } from '../counters.js';
import { SimError } from '../errors.js';
import type { Faults } from '../faults.js';
import type { ObjectStore } from '../store.js';
import { groupList, legacyVersions, resourceList, versionInfo } from './discovery.js';
import { openApiGroupVersion, openApiRoot } from './openapi.js';
import { type Answer, type ObjectTarget, create, get, list, patch, remove, update } from './objects.js';
import { type ResponseFormat, responseFormat } from './negotiate.js';
import { type ApiRequest, boolParam, readRequest } from './request.js';
import { PROTOBUF_MEDIA_TYPE, encodeKubeProtobuf, hasProtobufForm } from '../proto/codec.js';
import { type Route, parseRoute } from './route.js';
import { type OpenWatch, startWatch } from './watch.js';
import type { KubeObject } from '../objects.js';
import { includeObjectOf, renderList, renderObject, wantsTable } from './table.js';

export interface ApiServerOptions {
  store: ObjectStore;
  faults: Faults;
  counters: RequestCounters;
  host?: string;
  /** how often watches that asked for bookmarks get one, real ms; default 1000 */
  bookmarkIntervalMs?: number;
  /** simulated time, what Table AGE columns are measured against; default the wall clock */
  now?: () => number;
}

export interface ApiServer {
  readonly url: string;
  readonly port: number;
  /** stops accepting connections and drops open ones: clients see connection refused */
  goDown(): Promise<void>;
  /** listens again on the same port */
  comeUp(): Promise<void>;
  readonly isDown: boolean;
  /** ends every open watch as a dropped connection would */
  cutWatches(): number;
  close(): Promise<void>;
}

export async function startApiServer(opts: ApiServerOptions, port = 0): Promise<ApiServer> {
  const host = opts.host ?? '127.0.0.1';
  const watches = new Set<OpenWatch>();
  const sockets = new Set<Socket>();
  let server = createServer();
  let down = false;
  await listen(server, host, port);
  const bound = (server.address() as AddressInfo).port;

  function createServer(): http.Server {
    const s = http.createServer((req, res) => void handle(opts, watches, req, res));
    s.on('connection', (socket) => {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
    });
    return s;
  }

  async function stop(): Promise<void> {
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    for (const socket of sockets) socket.destroy();
    await closed;
  }

  return {
    url: `http://${host}:${bound}`,
    port: bound,
    get isDown() {
      return down;
    },
    async goDown() {
      if (down) return;
      down = true;
      await stop();
    },
    async comeUp() {
      if (!down) return;
      server = createServer();
      await listen(server, host, bound);
      down = false;
    },
    cutWatches() {
      const n = watches.size;
      for (const w of watches) w.cut();
      watches.clear();
      return n;
    },
    async close() {
      if (!down) await stop();
      down = true;
    },
  };
}

function listen(server: http.Server, host: string, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

async function handle(opts: ApiServerOptions, watches: Set<OpenWatch>, req: IncomingMessage, res: ServerResponse): Promise<void> {
  let format: ResponseFormat = 'json';
  try {
    const request = await readRequest(req);
    const route = parseRoute(request.path);
    const { verb, resource } = describeRequest(route, request);
    // Objects answer in JSON or protobuf; discovery and OpenAPI documents stay JSON.
    if (route?.type === 'object') format = responseFormat(request.accept, verb === 'watch' ? ['json'] : undefined);
    opts.counters.count(verb, resource);
    const latency = opts.faults.latencyFor(verb, resource);
    if (latency > 0) await delay(latency, req);
    const failure = opts.faults.failureFor(verb, resource);
    if (failure) throw failure;
    if (route?.type === 'object' && verb === 'watch') {
      const table = wantsTable(request.accept);
      // A bad includeObject is a 400 before the watch starts, never a throw inside the store's listener.
      if (table) includeObjectOf(request.query);
      const watch = startWatch(opts.store, routeTarget(route), request, res, {
        bookmarkIntervalMs: opts.bookmarkIntervalMs ?? 1000,
        render: table ? (o) => renderObject(route.rt, o, request.query, opts.now) : (o) => o,
      });
      watches.add(watch);
      res.on('close', () => watches.delete(watch));
      return;
    }
    const out = answer(opts, route, verb, request, req);
    const stall = opts.faults.bodyLatencyFor(verb, resource);
    if (stall > 0) await replyStalled(res, out, format, () => delay(stall, req));
    else reply(res, out, format);
  } catch (err) {
    replyError(res, err, format);
  }
}

function answer(opts: ApiServerOptions, route: Route | undefined, verb: string, request: ApiRequest, req: IncomingMessage): Answer {
  const host = req.headers.host ?? '127.0.0.1';
  switch (route?.type) {
    case 'version':
      return { status: 200, body: versionInfo() };
    case 'healthz':
      return { status: 200, body: 'ok' };
    case 'legacyVersions':
      return { status: 200, body: legacyVersions(host) };
    case 'groups':
      return { status: 200, body: groupList() };
    case 'resources':
      return { status: 200, body: resourceList(route.group, route.version) };
    case 'openapi': {
      const doc = route.path === '/openapi/v3' ? openApiRoot() : openApiGroupVersion(route.path);
      if (!doc) throw new SimError('NotFound', 'the server could not find the requested resource');
      return { status: 200, body: doc };
    }
    case 'object':
      return objectAnswer(opts, routeTarget(route), verb, request);
    case undefined:
      throw new SimError('NotFound', 'the server could not find the requested resource');
  }
}

function objectAnswer({ store, now }: ApiServerOptions, t: ObjectTarget, verb: string, request: ApiRequest): Answer {
  switch (verb) {
    case 'list': {
      const out = list(store, t, request);
      return wantsTable(request.accept) ? { status: 200, body: renderList(t.rt, out.body as { items: object[]; metadata: object }, request.query, now) } : out;
    }
    case 'get': {
      const out = get(store, t);
      return wantsTable(request.accept) && !t.subresource ? { status: 200, body: renderObject(t.rt, out.body as KubeObject, request.query, now) } : out;
    }
    case 'create':
      return create(store, t, request);
    case 'update':
      return update(store, t, request);
    case 'patch':
      return patch(store, t, request);
    case 'delete':
    case 'deletecollection':
      return remove(store, t, request);
    default:
      throw new SimError('MethodNotAllowed', 'the server does not allow this method on the requested resource');
  }
}

function routeTarget(route: Extract<Route, { type: 'object' }>): ObjectTarget {
  return { rt: route.rt, namespace: route.namespace, name: route.name, subresource: route.subresource };
}

/** The verb and resource a request counts under, named as Kubernetes audit logs name them. */
function describeRequest(route: Route | undefined, request: ApiRequest): { verb: string; resource: string } {
  if (route?.type !== 'object') return { verb: 'get', resource: route?.type === 'version' ? 'version' : 'discovery' };
  const resource = route.subresource ? `${route.rt.plural}/${route.subresource}` : route.rt.plural;
  const collection = !route.name;
  switch (request.method) {
    case 'GET':
      return { verb: boolParam(request.query, 'watch') ? 'watch' : collection ? 'list' : 'get', resource };
    case 'POST':
      return { verb: 'create', resource };
    case 'PUT':
      return { verb: 'update', resource };
    case 'PATCH':
      return { verb: 'patch', resource };
    case 'DELETE':
      return { verb: collection ? 'deletecollection' : 'delete', resource };
    default:
      return { verb: request.method.toLowerCase(), resource };
  }
}

/** waits out injected latency, but not for a client that has already gone */
async function delay(ms: number, req: IncomingMessage): Promise<void> {
  const gone = new AbortController();
  const onClose = () => gone.abort();
  req.socket.once('close', onClose);
  try {
    await sleep(ms, undefined, { signal: gone.signal });
  } finally {
    req.socket.off('close', onClose);
  }
}

function reply(res: ServerResponse, answer: Answer, format: ResponseFormat = 'json'): void {
  const { status, headers, bytes } = encode(answer, format);
  res.writeHead(status, headers);
  res.end(bytes);
}

/** The status line and headers at once, the body after `stall` (a fault), unless the client has gone by then. */
async function replyStalled(res: ServerResponse, answer: Answer, format: ResponseFormat, stall: () => Promise<void>): Promise<void> {
  const { status, headers, bytes } = encode(answer, format);
  res.writeHead(status, headers);
  res.flushHeaders();
  await stall();
  if (!res.destroyed) res.end(bytes);
}

function encode({ status, body }: Answer, format: ResponseFormat): { status: number; headers: Record<string, string | number>; bytes: Buffer } {
  if (format === 'protobuf' && hasProtobufForm(body)) {
    const bytes = encodeKubeProtobuf(body as Record<string, unknown>);
    return { status, headers: { 'Content-Type': PROTOBUF_MEDIA_TYPE, 'Content-Length': bytes.length }, bytes };
  }
  const bytes = Buffer.from(typeof body === 'string' ? body : JSON.stringify(body));
  return { status, headers: { 'Content-Type': typeof body === 'string' ? 'text/plain' : 'application/json', 'Content-Length': bytes.length }, bytes };
}

function replyError(res: ServerResponse, err: unknown, format: ResponseFormat): void {
  const simError = err instanceof SimError ? err : new SimError('InternalError', `Internal error occurred: ${(err as Error)?.message ?? String(err)}`);
  if (res.headersSent) {
    res.destroy();
    return;
  }
  if (simError.details?.retryAfterSeconds !== undefined) res.setHeader('Retry-After', String(simError.details.retryAfterSeconds));
  // A 406 is written in JSON: the client named nothing the simulator writes.
  reply(res, { status: simError.code, body: simError.toStatus() }, simError.reason === 'NotAcceptable' ? 'json' : format);
}
