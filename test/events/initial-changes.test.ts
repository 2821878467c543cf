// initialChanges against a scripted engine: the order snapshot → SYNCED → changes, the bounded
// buffer while the snapshot is taken, a cluster that cannot be read, and leaving early.
import { KubeCallError } from '../../src/kube/index.js';
import { type ChangeListener, type Delivery, type ResourceStreamItem, type StreamKey, type WatchEngine, initialChanges } from '../../src/events/index.js';
import { obj, type Obj } from './fake-client.js';

function scriptedEngine() {
  const listeners = new Map<string, Set<ChangeListener>>();
  const reads: { key: StreamKey; resolve: (objects: Obj[]) => void; reject: (error: Error) => void }[] = [];
  const id = ({ cluster, kind }: StreamKey) => `${cluster}|${kind}`;
  const engine: Pick<WatchEngine, 'subscribe' | 'objects'> = {
    subscribe(key, listener) {
      const set = listeners.get(id(key)) ?? new Set();
      listeners.set(id(key), set);
      set.add(listener);
      return () => set.delete(listener);
    },
    objects: (key) => new Promise((resolve, reject) => reads.push({ key, resolve: resolve as (objects: Obj[]) => void, reject })),
  };
  const emit = (cluster: string, type: 'ADDED' | 'MODIFIED' | 'DELETED', object: Obj, previous?: Obj) =>
    listeners.get(`${cluster}|Deployment`)?.forEach((listener) =>
      listener({ type, cluster, kind: 'Deployment', namespace: 'ns', name: object.metadata.name, resourceVersion: object.metadata.resourceVersion, at: new Date(0), object: object as never, previous: previous as never }),
    );
  const listening = () => [...listeners.values()].reduce((n, set) => n + set.size, 0);
  return { engine, reads, emit, listening };
}

const line = (d: Delivery<ResourceStreamItem>) => ('error' in d ? `error ${String(d.error.extensions.code)}` : d.value.type === 'SYNCED' ? 'SYNCED' : `${d.value.type} ${d.value.cluster}/${d.value.name}@${d.value.resourceVersion}`);

async function take(iterator: AsyncIterator<Delivery<ResourceStreamItem>>, n: number): Promise<string[]> {
  const out: string[] = [];
  while (out.length < n) {
    const next = await iterator.next();
    if (next.done) break;
    out.push(line(next.value));
  }
  return out;
}

const options = { clusters: ['c1', 'c2'], filter: { kinds: ['DEPLOYMENT' as const] }, now: () => new Date(0) };

it('sends the snapshot of every stream, one SYNCED, the changes the snapshot does not hold, then live ones', async () => {
  const s = scriptedEngine();
  const changes = initialChanges({ engine: s.engine, ...options });
  s.emit('c1', 'MODIFIED', obj('a', '2'), obj('a', '1')); // before the snapshot was taken: in it
  s.reads[0]!.resolve([obj('a', '2')]);
  s.emit('c2', 'ADDED', obj('b', '5')); // after c2's snapshot was taken (below): not in it
  s.reads[1]!.resolve([]);
  expect(await take(changes, 3)).toEqual(['ADDED c1/a@2', 'SYNCED', 'ADDED c2/b@5']);
  s.emit('c1', 'DELETED', obj('a', '3'));
  expect(await take(changes, 1)).toEqual(['DELETED c1/a@3']);
  await changes.return!();
  expect(s.listening()).toBe(0);
});

it('ends with CLUSTER_UNAVAILABLE for a cluster whose stream cannot list, and stops listening', async () => {
  const s = scriptedEngine();
  const changes = initialChanges({ engine: s.engine, ...options });
  s.reads[0]!.resolve([obj('a', '1')]);
  s.reads[1]!.reject(new KubeCallError('c2', { kind: 'unreachable', code: 'ECONNREFUSED' }));
  expect(await take(changes, 5)).toEqual(['error CLUSTER_UNAVAILABLE']);
  expect(s.listening()).toBe(0);
});

it('ends as too slow when more changes come while the snapshot is taken than a queue holds', async () => {
  const s = scriptedEngine();
  const changes = initialChanges({ engine: s.engine, ...options, queueLimit: 2 });
  for (const rv of ['2', '3', '4']) s.emit('c1', 'MODIFIED', obj('a', rv));
  s.reads.forEach((read) => read.resolve([]));
  expect(await take(changes, 5)).toEqual(['error QUERY_TOO_COMPLEX']);
  expect(s.listening()).toBe(0);
});

it('stops listening when the subscriber leaves before the first event', async () => {
  const s = scriptedEngine();
  const changes = initialChanges({ engine: s.engine, ...options });
  expect(s.listening()).toBe(2);
  await changes.return!();
  expect(s.listening()).toBe(0);
});
