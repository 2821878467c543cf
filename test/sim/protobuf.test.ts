// Protobuf on the simulator's wire. Decoding: the bodies kubectl itself sent (captured by
// scripts/capture-kubectl-protobuf.ts) read back as the object kubectl prints for the same
// command. Serving: those bodies created over HTTP, protobuf answers for clients that ask only
// for protobuf, an update and an eviction sent as protobuf, and the API server's 400, 406 and
// 415 Statuses for what it cannot read or write.
import { readFileSync } from 'node:fs';
import protobuf from 'protobufjs';
import { type SimFleet, startSimFleet } from '../../src/sim/fleet.js';
import { RESOURCES } from '../../src/sim/resources.js';
import { PROTOBUF_MEDIA_TYPE, decodeKubeProtobuf, encodeKubeProtobuf } from '../../src/sim/proto/codec.js';
import { waitFor } from '../support/kubectl.js';

const fixtures = new URL('./fixtures/kubectl-protobuf/', import.meta.url);
const index = JSON.parse(readFileSync(new URL('index.json', fixtures), 'utf8')) as Record<string, { command: string; method: string; path: string }>;
const fixture = (file: string) => readFileSync(new URL(file, fixtures));
/** what kubectl prints for the command with --dry-run=client -o json */
const printed = (file: string) => JSON.parse(readFileSync(new URL(file.replace(/\.bin$/, '.json'), fixtures), 'utf8')) as object;

/** the printed object less its zero times (null), which the server fills in when it stores it */
function withoutNulls(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutNulls);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== null).map(([k, v]) => [k, withoutNulls(v)]));
}

// namespace.bin creates the namespace the others live in, so it goes first
const files = Object.keys(index).sort((a, b) => Number(b === 'namespace.bin') - Number(a === 'namespace.bin'));

describe('decoding what kubectl sent', () => {
  it('has a fixture for every kind kubectl creates imperatively among those served', () => {
    expect(files.map((f) => decodeKubeProtobuf(fixture(f)).kind).sort()).toEqual(['ClusterRole', 'ClusterRoleBinding', 'ConfigMap', 'Deployment', 'Namespace', 'Secret', 'Service', 'ServiceAccount']);
  });

  it.each(files)('%s reads as the object kubectl prints for its command', (file) => {
    expect(decodeKubeProtobuf(fixture(file))).toEqual(printed(file));
  });

  it('reads Secret data as base64 of the bytes sent', () => {
    const secret = decodeKubeProtobuf(fixture('secret.bin')) as { data: Record<string, string> };
    expect(Object.fromEntries(Object.entries(secret.data).map(([k, v]) => [k, Buffer.from(v, 'base64').toString('utf8')]))).toEqual({ user: 'admin', password: 's3cr=t' });
  });

  it('reads int-or-string target ports as numbers, and zero-valued optional fields as absent', () => {
    const svc = decodeKubeProtobuf(fixture('service.bin')) as { spec: { ports: object[] } };
    expect(svc.spec.ports).toEqual([{ name: '80-8080', protocol: 'TCP', port: 80, targetPort: 8080 }]);
  });

  it('refuses bytes without the k8s\\0 prefix, and kinds it does not know', () => {
    expect(() => decodeKubeProtobuf(Buffer.from('{"kind":"Namespace"}'))).toThrow('provided data does not appear to be a protobuf message, expected prefix [107 56 115 0]');
    const job = encodeEnvelope({ apiVersion: 'batch/v1', kind: 'Job' }, new Uint8Array());
    expect(() => decodeKubeProtobuf(job)).toThrow('no kind "Job" is registered for version "batch/v1"');
  });
});

/**
 * Writes an envelope by hand from the published field numbers (runtime.Unknown: typeMeta 1,
 * raw 2; TypeMeta: apiVersion 1, kind 2), so these tests do not read the simulator's own writer.
 */
function encodeEnvelope(typeMeta: { apiVersion: string; kind: string }, raw: Uint8Array): Buffer {
  const meta = protobuf.Writer.create().uint32((1 << 3) | 2).string(typeMeta.apiVersion).uint32((2 << 3) | 2).string(typeMeta.kind).finish();
  const unknown = protobuf.Writer.create().uint32((1 << 3) | 2).bytes(meta).uint32((2 << 3) | 2).bytes(raw).finish();
  return Buffer.concat([Buffer.from('k8s\0'), unknown]);
}

describe('the simulator over HTTP', () => {
  let fleet: SimFleet;
  let url: string;

  beforeAll(async () => {
    fleet = await startSimFleet({ clusters: 1, seed: 'demo', speed: 20 });
    url = fleet.clusters[0]!.url;
    // Create every fixture in order, as kubectl did, asking for protobuf first as kubectl does.
    for (const file of files) {
      const { method, path } = index[file]!;
      const res = await fetch(`${url}${path}`, { method, headers: { 'Content-Type': PROTOBUF_MEDIA_TYPE, Accept: `${PROTOBUF_MEDIA_TYPE}, */*` }, body: fixture(file) });
      expect({ file, status: res.status, type: res.headers.get('content-type') }).toEqual({ file, status: 201, type: PROTOBUF_MEDIA_TYPE });
    }
  });

  afterAll(() => fleet?.stop());

  const objectUrl = (file: string) => {
    const { metadata } = decodeKubeProtobuf(fixture(file)) as { metadata: { name: string } };
    return `${url}${index[file]!.path.split('?')[0]}/${metadata.name}`;
  };

  it.each(files)('stored %s as sent, served back as JSON', async (file) => {
    const res = await fetch(objectUrl(file), { headers: { Accept: 'application/json' } });
    expect(res.headers.get('content-type')).toBe('application/json');
    expect(await res.json()).toMatchObject(withoutNulls(printed(file)) as object);
  });

  it('writes every object of every served kind in a protobuf form that reads back the same', () => {
    const store = fleet.clusters[0]!.store;
    for (const rt of RESOURCES) {
      const objects = store.list(rt, {});
      expect({ kind: rt.kind, some: objects.length > 0 }).toEqual({ kind: rt.kind, some: true });
      for (const o of objects) expect(decodeKubeProtobuf(encodeKubeProtobuf(o as unknown as Record<string, unknown>))).toEqual(o);
    }
  });

  it.each(RESOURCES.map((rt) => [rt.kind, rt] as const))('updates a %s sent as protobuf, answering in protobuf', async (_kind, rt) => {
    const { metadata } = fleet.clusters[0]!.store.list(rt, {})[0]!;
    const base = rt.group ? `/apis/${rt.group}/${rt.version}` : `/api/${rt.version}`;
    const at = `${url}${base}${metadata.namespace ? `/namespaces/${metadata.namespace}` : ''}/${rt.plural}/${metadata.name}`;
    const read = async (res: Response) => decodeKubeProtobuf(Buffer.from(await res.arrayBuffer())) as { metadata: { labels?: Record<string, string>; resourceVersion?: string } };
    const current = await read(await fetch(at, { headers: { Accept: PROTOBUF_MEDIA_TYPE } }));
    // no resourceVersion: an unconditional update, so a controller's write in between is no conflict
    const next = { ...current, metadata: { ...current.metadata, resourceVersion: undefined, labels: { ...current.metadata.labels, sent: 'protobuf' } } };
    const res = await fetch(at, { method: 'PUT', headers: { 'Content-Type': PROTOBUF_MEDIA_TYPE, Accept: PROTOBUF_MEDIA_TYPE }, body: encodeKubeProtobuf(next) });
    expect(res.status).toBe(200);
    expect((await read(res)).metadata.labels).toMatchObject({ sent: 'protobuf' });
  });

  it('answers in protobuf a client that accepts only protobuf, errors included', async () => {
    const res = await fetch(objectUrl('configmap.bin'), { headers: { Accept: PROTOBUF_MEDIA_TYPE } });
    expect(res.headers.get('content-type')).toBe(PROTOBUF_MEDIA_TYPE);
    const body = Buffer.from(await res.arrayBuffer());
    expect(body.subarray(0, 4)).toEqual(Buffer.from('k8s\0'));
    expect(decodeKubeProtobuf(body)).toMatchObject({ kind: 'ConfigMap', data: { mode: 'fast', replicas: '3' }, metadata: { uid: expect.any(String) } });

    const missing = await fetch(`${url}/api/v1/namespaces/capture/configmaps/nope`, { headers: { Accept: PROTOBUF_MEDIA_TYPE } });
    expect(missing.status).toBe(404);
    expect(decodeKubeProtobuf(Buffer.from(await missing.arrayBuffer()))).toMatchObject({ kind: 'Status', reason: 'NotFound', message: 'configmaps "nope" not found', code: 404 });
  });

  it('lists in protobuf, items and list metadata', async () => {
    const res = await fetch(`${url}/api/v1/namespaces/capture/secrets`, { headers: { Accept: PROTOBUF_MEDIA_TYPE } });
    const list = decodeKubeProtobuf(Buffer.from(await res.arrayBuffer())) as { kind: string; metadata: { resourceVersion: string }; items: { metadata: { name: string } }[] };
    expect(list.kind).toBe('SecretList');
    expect(list.metadata.resourceVersion).toMatch(/^\d+$/);
    expect(list.items.map((s) => s.metadata.name)).toContain('creds');
  });

  it('updates from a protobuf body, keeping what the JSON form keeps', async () => {
    const current = decodeKubeProtobuf(Buffer.from(await (await fetch(objectUrl('configmap.bin'), { headers: { Accept: PROTOBUF_MEDIA_TYPE } })).arrayBuffer()));
    const next = { ...current, data: { mode: 'slow' } };
    const res = await fetch(objectUrl('configmap.bin'), { method: 'PUT', headers: { 'Content-Type': PROTOBUF_MEDIA_TYPE }, body: encodeKubeProtobuf(next) });
    expect(res.status).toBe(200);
    const updated = (await res.json()) as { data: Record<string, string> };
    expect(updated).toMatchObject({ data: { mode: 'slow' }, metadata: { uid: (current.metadata as { uid: string }).uid } });
    expect(updated.data.replicas).toBeUndefined();
  });

  it('evicts a pod from a protobuf Eviction', async () => {
    const name = await waitFor(async () => (((await (await fetch(`${url}/api/v1/namespaces/capture/pods`)).json()) as { items: { metadata: { name: string } }[] }).items as { metadata: { name: string } }[])[0]?.metadata.name, {
      what: 'a pod of the deployment',
    });
    // policy/v1 Eviction: metadata 1 (ObjectMeta: name 1, namespace 3)
    const meta = protobuf.Writer.create().uint32((1 << 3) | 2).string(name).uint32((3 << 3) | 2).string('capture').finish();
    const eviction = protobuf.Writer.create().uint32((1 << 3) | 2).bytes(meta).finish();
    const res = await fetch(`${url}/api/v1/namespaces/capture/pods/${name}/eviction`, {
      method: 'POST',
      headers: { 'Content-Type': PROTOBUF_MEDIA_TYPE, Accept: 'application/json' },
      body: encodeEnvelope({ apiVersion: 'policy/v1', kind: 'Eviction' }, eviction),
    });
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({ kind: 'Status', status: 'Success' });
    expect((await fetch(`${url}/api/v1/namespaces/capture/pods/${name}`)).status).toBe(404);
  });

  it('deletes as a protobuf DeleteOptions asks: orphaning leaves the ReplicaSet', async () => {
    // meta/v1 DeleteOptions: propagationPolicy 4
    const options = protobuf.Writer.create().uint32((4 << 3) | 2).string('Orphan').finish();
    const res = await fetch(`${url}/apis/apps/v1/namespaces/capture/deployments/web`, {
      method: 'DELETE',
      headers: { 'Content-Type': PROTOBUF_MEDIA_TYPE, Accept: 'application/json' },
      body: encodeEnvelope({ apiVersion: 'meta.k8s.io/v1', kind: 'DeleteOptions' }, options),
    });
    expect(res.status).toBe(200);
    expect((await fetch(`${url}/apis/apps/v1/namespaces/capture/deployments/web`)).status).toBe(404);
    const sets = (await (await fetch(`${url}/apis/apps/v1/namespaces/capture/replicasets`)).json()) as { items: { metadata: { name: string; ownerReferences?: object[] } }[] };
    expect(sets.items).toHaveLength(1);
    expect(sets.items[0]!.metadata.name).toMatch(/^web-/);
    expect(sets.items[0]!.metadata.ownerReferences ?? []).toEqual([]);
  });

  it.each([
    ['a type it cannot read', { 'Content-Type': 'text/plain' }, 415, 'UnsupportedMediaType', 'the body of the request was in an unknown format - accepted media types include: application/json, application/yaml, application/vnd.kubernetes.protobuf'],
    ['protobuf without the prefix', { 'Content-Type': PROTOBUF_MEDIA_TYPE }, 400, 'BadRequest', 'provided data does not appear to be a protobuf message, expected prefix [107 56 115 0]'],
    ['an answer in a form it cannot write', { 'Content-Type': 'application/json', Accept: 'application/yaml' }, 406, 'NotAcceptable', 'only the following media types are accepted: application/json, application/vnd.kubernetes.protobuf'],
  ])('refuses %s with a Status', async (_what, headers, code, reason, message) => {
    const res = await fetch(`${url}/api/v1/namespaces/capture/configmaps`, { method: 'POST', headers, body: JSON.stringify({ metadata: { name: 'refused' } }) });
    expect(res.status).toBe(code);
    expect(res.headers.get('content-type')).toBe('application/json');
    expect(await res.json()).toEqual({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', reason, message, code });
    expect((await fetch(`${url}/api/v1/namespaces/capture/configmaps/refused`)).status).toBe(404);
  });
});
