// Kubernetes' protobuf wire form, both ways: the `k8s\0` envelope around a runtime.Unknown
// whose typeMeta names the kind and whose raw bytes are that kind's message. Objects come
// out as the JSON the same object would have been sent as (int-or-string, quantities,
// RFC 3339 times, base64 bytes, embedded structs inlined, zero values omitted where Go's
// JSON omits them), and go back in from that JSON.
import protobuf from 'protobufjs';
import { SimError } from '../errors.js';
import { KUBE_PROTOS } from './kubernetes.js';

export const PROTOBUF_MEDIA_TYPE = 'application/vnd.kubernetes.protobuf';

const MAGIC = Buffer.from([0x6b, 0x38, 0x73, 0x00]);
const META = 'k8s.io.apimachinery.pkg.apis.meta.v1';

/** the package of each served apiVersion; meta kinds (Status, DeleteOptions) travel under any of them */
const packages: Record<string, string> = {
  v1: 'k8s.io.api.core.v1',
  'apps/v1': 'k8s.io.api.apps.v1',
  'policy/v1': 'k8s.io.api.policy.v1',
  'autoscaling/v1': 'k8s.io.api.autoscaling.v1',
  'rbac.authorization.k8s.io/v1': 'k8s.io.api.rbac.v1',
  'meta.k8s.io/v1': META,
};
const metaKinds = new Set(['Status', 'DeleteOptions']);

type Json = Record<string, unknown>;

let definitions: protobuf.Root | undefined;

/** parsed once: the definitions never change */
function kubeRoot(): protobuf.Root {
  if (!definitions) {
    const root = new protobuf.Root();
    for (const file of KUBE_PROTOS) protobuf.parse(file.source, root, { keepCase: true });
    root.resolveAll();
    definitions = root;
  }
  return definitions;
}

function typeOf(apiVersion: string, kind: string): protobuf.Type | undefined {
  const pkg = metaKinds.has(kind) ? META : packages[apiVersion];
  const found = pkg && /^[A-Z]\w*$/.test(kind) ? kubeRoot().lookup(`${pkg}.${kind}`) : null;
  return found instanceof protobuf.Type ? found : undefined;
}

/** whether `obj` has a protobuf form the simulator can write */
export function hasProtobufForm(obj: unknown): boolean {
  const { apiVersion, kind } = (obj ?? {}) as Json;
  return typeof apiVersion === 'string' && typeof kind === 'string' && typeOf(apiVersion, kind) !== undefined;
}

/** Reads a protobuf request body into the JSON object it stands for, kind and apiVersion included. */
export function decodeKubeProtobuf(body: Uint8Array): Json {
  const bytes = Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  if (bytes.length < MAGIC.length || !bytes.subarray(0, MAGIC.length).equals(MAGIC)) {
    throw new SimError('BadRequest', `provided data does not appear to be a protobuf message, expected prefix [${[...MAGIC].join(' ')}]`);
  }
  const unknown = readMessage(kubeRoot().lookupType('k8s.io.apimachinery.pkg.runtime.Unknown'), bytes.subarray(MAGIC.length)) as {
    typeMeta?: { apiVersion?: string; kind?: string };
    raw?: Uint8Array;
    contentEncoding?: string;
  };
  if (unknown.contentEncoding) throw new SimError('BadRequest', `unsupported protobuf content encoding "${unknown.contentEncoding}"`);
  const apiVersion = unknown.typeMeta?.apiVersion ?? '';
  const kind = unknown.typeMeta?.kind ?? '';
  const type = typeOf(apiVersion, kind);
  if (!type) throw new SimError('BadRequest', `no kind "${kind}" is registered for version "${apiVersion}"`);
  const object = toJson(type, readMessage(type, unknown.raw ?? new Uint8Array()));
  return { apiVersion, kind, ...(object as Json) };
}

/** Writes a JSON object (with kind and apiVersion) in the protobuf envelope. */
export function encodeKubeProtobuf(obj: Json): Buffer {
  const apiVersion = String(obj.apiVersion);
  const kind = String(obj.kind);
  const type = typeOf(apiVersion, kind);
  if (!type) throw new Error(`sim: no protobuf form for ${apiVersion} ${kind}`);
  const raw = type.encode(fromJson(type, obj) as Json).finish();
  const unknown = kubeRoot().lookupType('k8s.io.apimachinery.pkg.runtime.Unknown');
  const envelope = unknown.encode({ typeMeta: { apiVersion, kind }, raw, contentEncoding: '', contentType: '' }).finish();
  return Buffer.concat([MAGIC, envelope]);
}

function readMessage(type: protobuf.Type, bytes: Uint8Array): protobuf.Message {
  try {
    return type.decode(bytes);
  } catch (err) {
    throw new SimError('BadRequest', `the body of the request was in an unknown format: ${(err as Error).message}`);
  }
}

const option = (f: protobuf.Field, name: string): unknown => f.options?.[`(${name})`];
const jsonName = (f: protobuf.Field): string => (option(f, 'json') as string | undefined) ?? f.name;

// ---- protobuf → JSON ----

function toJson(type: protobuf.Type, msg: protobuf.Message | Json): unknown {
  const m = msg as Json;
  switch (type.name) {
    case 'IntOrString':
      return num(m.type) === 1 ? (m.strVal ?? '') : num(m.intVal ?? 0);
    case 'Quantity':
      return m.string ?? '';
    // A zero time is on the wire as an empty message, and in Go's JSON as null.
    case 'Time':
      return Object.hasOwn(m, 'seconds') || Object.hasOwn(m, 'nanos') ? rfc3339(num(m.seconds ?? 0)) : null;
    case 'MicroTime':
      return Object.hasOwn(m, 'seconds') || Object.hasOwn(m, 'nanos') ? rfc3339(num(m.seconds ?? 0), num(m.nanos ?? 0)) : null;
    case 'RawExtension':
    case 'FieldsV1': {
      const raw = (m.raw ?? m.Raw) as Uint8Array | undefined;
      return raw?.length ? JSON.parse(Buffer.from(raw).toString('utf8')) : undefined;
    }
  }
  const out: Json = {};
  for (const f of type.fieldsArray) {
    if (!Object.hasOwn(m, f.name)) continue;
    const value = m[f.name];
    if (f instanceof protobuf.MapField) {
      const entries = Object.entries(value as Json);
      if (entries.length) out[jsonName(f)] = Object.fromEntries(entries.map(([k, v]) => [k, fieldToJson(f, v)]));
    } else if (f.repeated) {
      if ((value as unknown[]).length) out[jsonName(f)] = (value as unknown[]).map((v) => fieldToJson(f, v));
    } else if (f.resolvedType instanceof protobuf.Type && option(f, 'inline')) {
      Object.assign(out, toJson(f.resolvedType, value as Json));
    } else {
      const j = fieldToJson(f, value);
      // Messages (int-or-string, quantities included) are on the wire only when set.
      const message = f.resolvedType instanceof protobuf.Type;
      if (j !== undefined && (message || option(f, 'keep') || !isZero(j))) out[jsonName(f)] = j;
    }
  }
  return out;
}

function fieldToJson(f: protobuf.Field, value: unknown): unknown {
  if (f.resolvedType instanceof protobuf.Type) return toJson(f.resolvedType, value as Json);
  if (f.type === 'bytes') return Buffer.from(value as Uint8Array).toString('base64');
  if (f.type === 'int64' || f.type === 'uint64') return num(value);
  return value;
}

/** Go's encoding/json omits these under omitempty, and the protobuf form cannot tell them from absent */
function isZero(v: unknown): boolean {
  return v === '' || v === 0 || v === false;
}

/** int64 fields decode as Long objects when the long package is present */
function num(v: unknown): number {
  return typeof v === 'number' ? v : typeof v === 'object' && v !== null ? Number(v.toString()) : Number(v);
}

/** metav1.Time writes whole seconds; MicroTime writes microseconds */
function rfc3339(seconds: number, nanos?: number): string {
  const base = new Date(seconds * 1000).toISOString().slice(0, 19);
  return nanos === undefined ? `${base}Z` : `${base}.${String(Math.floor(nanos / 1000)).padStart(6, '0')}Z`;
}

// ---- JSON → protobuf ----

function fromJson(type: protobuf.Type, json: unknown): unknown {
  switch (type.name) {
    case 'IntOrString':
      return typeof json === 'string' ? { type: 1, strVal: json } : { type: 0, intVal: Number(json) };
    case 'Quantity':
      return { string: String(json) };
    case 'Time':
    case 'MicroTime': {
      const ms = Date.parse(String(json));
      const micros = /\.(\d{1,9})/.exec(String(json))?.[1];
      const nanos = type.name === 'MicroTime' && micros ? Number(micros.padEnd(9, '0')) : 0;
      return Number.isNaN(ms) ? {} : { seconds: Math.floor(ms / 1000), nanos };
    }
    case 'RawExtension':
      return { raw: Buffer.from(JSON.stringify(json)) };
    case 'FieldsV1':
      return { Raw: Buffer.from(JSON.stringify(json)) };
  }
  const src = (json ?? {}) as Json;
  const out: Json = {};
  for (const f of type.fieldsArray) {
    const value = f.resolvedType instanceof protobuf.Type && option(f, 'inline') ? src : src[jsonName(f)];
    if (value === null && isTime(f)) out[f.name] = {};
    if (value === undefined || value === null) continue;
    if (f instanceof protobuf.MapField) out[f.name] = Object.fromEntries(Object.entries(value as Json).map(([k, v]) => [k, fieldFromJson(f, v)]));
    else if (f.repeated) out[f.name] = (value as unknown[]).map((v) => fieldFromJson(f, v));
    else out[f.name] = fieldFromJson(f, value);
  }
  return out;
}

const isTime = (f: protobuf.Field): boolean => f.resolvedType?.name === 'Time' || f.resolvedType?.name === 'MicroTime';

function fieldFromJson(f: protobuf.Field, value: unknown): unknown {
  if (f.resolvedType instanceof protobuf.Type) return fromJson(f.resolvedType, value);
  if (f.type === 'bytes') return Buffer.from(String(value), 'base64');
  return value;
}
