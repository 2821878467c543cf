// The verbs on stored objects: get, list, create, update, patch, delete, and the
// status, scale and eviction subresources. Watch lives in watch.ts.
import { SimError, notFound, successStatus } from '../errors.js';
import { type KubeObject, clone } from '../objects.js';
import { PatchError, applyPatch, patchTypeFromContentType } from '../patch.js';
import { type ResourceType, apiVersionOf } from '../resources.js';
import type { ObjectStore, Propagation } from '../store.js';
import { type ApiRequest, intParam } from './request.js';
import { selectionOf } from './selection.js';

export interface Answer {
  status: number;
  body: unknown;
}

export interface ObjectTarget {
  rt: ResourceType;
  namespace?: string;
  name?: string;
  subresource?: string;
}

export function list(store: ObjectStore, t: ObjectTarget, req: ApiRequest): Answer {
  const match = selectionOf(t.rt, req.query);
  const all = store.list(t.rt, { namespace: t.namespace, filter: match });
  const limit = intParam(req.query, 'limit');
  const token = req.query.get('continue');
  const after = token ? decodeContinue(token) : undefined;
  const from = after ? all.findIndex((o) => keyOf(o) > after.key) : 0;
  const start = from < 0 ? all.length : from;
  const page = limit ? all.slice(start, start + limit) : all.slice(start);
  const rest = all.length - start - page.length;
  const rv = after?.rv ?? store.resourceVersion;
  const metadata: Record<string, unknown> = { resourceVersion: rv };
  if (rest > 0) {
    metadata.continue = encodeContinue({ rv, key: keyOf(page[page.length - 1]!) });
    metadata.remainingItemCount = rest;
  }
  // Items of a typed list carry no kind/apiVersion on the wire, as from a real API server.
  const items = page.map(({ apiVersion: _a, kind: _k, ...rest }) => rest);
  return { status: 200, body: { kind: `${t.rt.kind}List`, apiVersion: apiVersionOf(t.rt), metadata, items } };
}

export function get(store: ObjectStore, t: ObjectTarget): Answer {
  const obj = mustGet(store, t);
  if (t.subresource === 'scale') return { status: 200, body: scaleOf(t.rt, obj) };
  return { status: 200, body: obj };
}

export function create(store: ObjectStore, t: ObjectTarget, req: ApiRequest): Answer {
  const body = objectBody(req);
  if (t.name && t.subresource === 'eviction' && t.rt.kind === 'Pod') return evict(store, t);
  if (t.name) throw new SimError('MethodNotAllowed', 'the server does not allow this method on the requested resource');
  const meta = body.metadata ?? (body.metadata = { name: '' });
  if (t.rt.namespaced) {
    if (meta.namespace && meta.namespace !== t.namespace) {
      throw new SimError('BadRequest', 'the namespace of the provided object does not match the namespace sent on the request');
    }
    meta.namespace = t.namespace;
  }
  return { status: 201, body: store.create(t.rt, body) };
}

export function update(store: ObjectStore, t: ObjectTarget, req: ApiRequest): Answer {
  const body = objectBody(req);
  const current = mustGet(store, t);
  if (body.metadata?.name && body.metadata.name !== t.name) {
    throw new SimError('BadRequest', `the name of the object (${body.metadata.name}) does not match the name on the URL (${t.name})`);
  }
  if (t.subresource === 'scale') return { status: 200, body: setScale(store, t, current, body) };
  const next = { ...body, metadata: { ...body.metadata, name: t.name!, namespace: current.metadata.namespace } };
  return { status: 200, body: store.update(t.rt, next, writeOptions(t)) };
}

export function patch(store: ObjectStore, t: ObjectTarget, req: ApiRequest): Answer {
  const type = patchTypeFromContentType(req.contentType);
  if (!type) throw new SimError('UnsupportedMediaType', `the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml, application/strategic-merge-patch+json`);
  const current = mustGet(store, t);
  const base = t.subresource === 'scale' ? scaleOf(t.rt, current) : current;
  let patched: KubeObject;
  try {
    patched = applyPatch(base, type, req.body) as KubeObject;
  } catch (err) {
    if (err instanceof PatchError) throw new SimError(err.reason, err.message);
    throw err;
  }
  if (t.subresource === 'scale') return { status: 200, body: setScale(store, t, current, patched) };
  return { status: 200, body: store.update(t.rt, patched, writeOptions(t)) };
}

export function remove(store: ObjectStore, t: ObjectTarget, req: ApiRequest): Answer {
  const propagation = propagationOf(req);
  if (!t.name) {
    const match = selectionOf(t.rt, req.query);
    for (const obj of store.list(t.rt, { namespace: t.namespace, filter: match })) {
      store.delete(t.rt, obj.metadata.namespace, obj.metadata.name, propagation);
    }
    return { status: 200, body: successStatus() };
  }
  mustGet(store, t);
  return { status: 200, body: store.delete(t.rt, t.namespace, t.name, propagation) };
}

function evict(store: ObjectStore, t: ObjectTarget): Answer {
  mustGet(store, t);
  store.delete(t.rt, t.namespace, t.name!, 'Background');
  return { status: 201, body: successStatus() };
}

/** autoscaling/v1 Scale view of a Deployment, ReplicaSet or StatefulSet. */
function scaleOf(rt: ResourceType, obj: KubeObject): KubeObject {
  if (!rt.subresources.includes('scale')) throw notFound(`${rt.plural}/scale`, rt.group, obj.metadata.name);
  const labels = obj.spec?.selector?.matchLabels ?? {};
  return {
    kind: 'Scale',
    apiVersion: 'autoscaling/v1',
    metadata: {
      name: obj.metadata.name,
      namespace: obj.metadata.namespace,
      uid: obj.metadata.uid,
      resourceVersion: obj.metadata.resourceVersion,
      creationTimestamp: obj.metadata.creationTimestamp,
    },
    spec: { replicas: obj.spec?.replicas ?? 0 },
    status: {
      replicas: obj.status?.replicas ?? 0,
      selector: Object.entries(labels).map(([k, v]) => `${k}=${v}`).join(','),
    },
  };
}

function setScale(store: ObjectStore, t: ObjectTarget, current: KubeObject, scale: KubeObject): KubeObject {
  const replicas = scale.spec?.replicas;
  if (!Number.isInteger(replicas) || replicas < 0) {
    throw new SimError('Invalid', `Scale.autoscaling "${t.name}" is invalid: spec.replicas: Invalid value: ${JSON.stringify(replicas)}: must be greater than or equal to 0`);
  }
  const next = clone(current);
  next.spec.replicas = replicas;
  next.metadata.resourceVersion = scale.metadata?.resourceVersion ?? current.metadata.resourceVersion;
  return scaleOf(t.rt, store.update(t.rt, next));
}

function mustGet(store: ObjectStore, t: ObjectTarget): KubeObject {
  const obj = store.get(t.rt, t.namespace, t.name!);
  if (!obj) throw notFound(t.rt.plural, t.rt.group, t.name!);
  return obj;
}

function objectBody(req: ApiRequest): KubeObject {
  if (!req.body || typeof req.body !== 'object' || Array.isArray(req.body)) {
    throw new SimError('BadRequest', 'the request body must be a JSON object');
  }
  return req.body as KubeObject;
}

function writeOptions(t: ObjectTarget): { subresource?: 'status' } {
  if (t.subresource === 'status') return { subresource: 'status' };
  if (t.subresource) throw new SimError('NotFound', `the server could not find the requested resource (${t.rt.plural}/${t.subresource})`);
  return {};
}

function propagationOf(req: ApiRequest): Propagation {
  const fromBody = (req.body as { propagationPolicy?: string; orphanDependents?: boolean } | undefined) ?? {};
  const policy = req.query.get('propagationPolicy') ?? fromBody.propagationPolicy ?? (fromBody.orphanDependents ? 'Orphan' : 'Background');
  if (policy === 'Background' || policy === 'Foreground' || policy === 'Orphan') return policy;
  throw new SimError('BadRequest', `invalid propagationPolicy "${policy}": must be Orphan, Background or Foreground`);
}

function keyOf(o: KubeObject): string {
  return o.metadata.namespace ? `${o.metadata.namespace}/${o.metadata.name}` : o.metadata.name;
}

function encodeContinue(token: { rv: string; key: string }): string {
  return Buffer.from(JSON.stringify(token)).toString('base64url');
}

function decodeContinue(token: string): { rv: string; key: string } {
  try {
    const parsed = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
    if (typeof parsed.rv === 'string' && typeof parsed.key === 'string') return parsed;
  } catch {
    // fall through: any undecodable token is the client's mistake
  }
  throw new SimError('BadRequest', 'continue key is not valid: the continue token could not be decoded');
}
