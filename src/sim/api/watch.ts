// A watch: newline-delimited JSON events over one long response, as the API server
// streams them. It starts from a resourceVersion (replaying what came after it), or
// from now with the current objects sent as ADDED; too old a version is a 410 ERROR event.
import type { ServerResponse } from 'node:http';
import { SimError } from '../errors.js';
import type { KubeObject } from '../objects.js';
import { apiVersionOf } from '../resources.js';
import type { ObjectStore, StoreEvent } from '../store.js';
import type { ObjectTarget } from './objects.js';
import { type ApiRequest, boolParam, intParam } from './request.js';
import { type Predicate, selectionOf } from './selection.js';

export interface WatchOptions {
  /** how often a watch that asked for bookmarks gets one, in real milliseconds */
  bookmarkIntervalMs: number;
  /** turns an object into what goes on the wire (a Table row when kubectl asks for one) */
  render: (obj: KubeObject) => unknown;
}

export interface OpenWatch {
  /** ends the stream as a dropped connection would */
  cut(): void;
}

type WireEvent = { type: 'ADDED' | 'MODIFIED' | 'DELETED' | 'BOOKMARK' | 'ERROR'; object: unknown };

export function startWatch(store: ObjectStore, t: ObjectTarget, req: ApiRequest, res: ServerResponse, opts: WatchOptions): OpenWatch {
  const match = selectionFor(t, req);
  res.writeHead(200, { 'Content-Type': 'application/json', 'Transfer-Encoding': 'chunked', 'Cache-Control': 'no-cache' });
  // Clients wait for the headers before they read events: send them even when no event is due yet.
  res.flushHeaders();
  const send = (ev: WireEvent) => res.write(JSON.stringify(ev) + '\n');
  const timers: NodeJS.Timeout[] = [];
  let stopListening = () => {};
  const end = () => {
    stopListening();
    timers.forEach(clearTimeout);
    if (!res.writableEnded) res.end();
  };
  res.on('close', end);

  const rvParam = req.query.get('resourceVersion') ?? '';
  try {
    if (rvParam === '' || rvParam === '0') {
      for (const obj of store.list(t.rt, { namespace: t.namespace, filter: match })) send({ type: 'ADDED', object: opts.render(obj) });
      stopListening = store.listen((ev) => forward(ev, t, match, send, opts));
    } else {
      stopListening = store.listen((ev) => forward(ev, t, match, send, opts), parseRv(rvParam));
    }
  } catch (err) {
    if (!(err instanceof SimError)) throw err;
    send({ type: 'ERROR', object: err.toStatus() });
    end();
    return { cut: end };
  }

  const timeout = intParam(req.query, 'timeoutSeconds');
  if (timeout !== undefined) timers.push(setTimeout(end, timeout * 1000));
  if (boolParam(req.query, 'allowWatchBookmarks')) {
    const bookmark = () => {
      send({ type: 'BOOKMARK', object: { kind: t.rt.kind, apiVersion: apiVersionOf(t.rt), metadata: { resourceVersion: store.resourceVersion } } });
      timers[1] = setTimeout(bookmark, opts.bookmarkIntervalMs);
    };
    timers[1] = setTimeout(bookmark, opts.bookmarkIntervalMs);
  }
  return { cut: () => res.destroy() };
}

function selectionFor(t: ObjectTarget, req: ApiRequest): Predicate {
  const base = selectionOf(t.rt, req.query);
  if (!t.name) return base;
  // GET .../pods?watch=1 with a name in the path watches that one object.
  return (obj) => obj.metadata.name === t.name && base(obj);
}

// With a selector, an object that starts or stops matching is ADDED or DELETED for this
// watcher, as the API server's watch cache reports it.
function forward(ev: StoreEvent, t: ObjectTarget, match: Predicate, send: (ev: WireEvent) => void, opts: WatchOptions): void {
  if (ev.rt !== t.rt) return;
  if (t.rt.namespaced && t.namespace && ev.object.metadata.namespace !== t.namespace) return;
  const now = match(ev.object);
  if (ev.type !== 'MODIFIED') {
    if (now) send({ type: ev.type, object: opts.render(ev.object) });
    return;
  }
  const before = ev.previous ? match(ev.previous) : now;
  if (now && before) send({ type: 'MODIFIED', object: opts.render(ev.object) });
  else if (now) send({ type: 'ADDED', object: opts.render(ev.object) });
  else if (before) send({ type: 'DELETED', object: opts.render(ev.object) });
}

function parseRv(raw: string): number {
  const rv = Number(raw);
  if (!Number.isInteger(rv) || rv < 0) throw new SimError('BadRequest', `invalid resource version: "${raw}"`);
  return rv;
}
