// StatefulSets: ordered creation, reverse-ordinal rolling updates, revisions and scale-down.
import type { KubeObject } from '../../../src/sim/objects.js';
import { type Harness, imageOf, isReady, podsOf, setImage, startHarness, statefulSet, trackPods } from './harness.js';

let h: Harness;
afterEach(() => {
  h.stop();
  expect(h.errors).toEqual([]);
});

const names = (pods: KubeObject[]) => pods.map((p) => p.metadata.name);
const revisions = () => h.list('ControllerRevision').sort((a, b) => a.revision - b.revision);

describe('a new StatefulSet', () => {
  beforeEach(() => {
    h = startHarness();
    h.create(statefulSet('db', { replicas: 3 }));
  });

  it('creates its pods one at a time, each once the one before is ready', () => {
    expect(names(podsOf(h, 'db'))).toEqual(['db-0']);
    h.advance(1_999);
    expect(names(podsOf(h, 'db'))).toEqual(['db-0']);
    h.advance(1);
    expect(names(podsOf(h, 'db'))).toEqual(['db-0', 'db-1']);
    h.advance(2_000);
    expect(names(podsOf(h, 'db'))).toEqual(['db-0', 'db-1', 'db-2']);
  });

  it('gives each pod its identity and the revision label', () => {
    h.advance(6_000);
    const sts = h.get('StatefulSet', 'db')!;
    for (const [i, pod] of podsOf(h, 'db').entries()) {
      expect(pod.metadata.labels).toEqual({
        app: 'db',
        'controller-revision-hash': sts.status.updateRevision,
        'statefulset.kubernetes.io/pod-name': `db-${i}`,
        'apps.kubernetes.io/pod-index': String(i),
      });
      expect(pod.spec).toMatchObject({ hostname: `db-${i}`, subdomain: 'db' });
      expect(pod.metadata.ownerReferences).toEqual([expect.objectContaining({ kind: 'StatefulSet', name: 'db', controller: true })]);
    }
  });

  it('reports the status a real cluster shows', () => {
    h.advance(6_000);
    const sts = h.get('StatefulSet', 'db')!;
    const [revision] = revisions();
    expect(sts.status).toEqual({
      observedGeneration: 1,
      replicas: 3,
      readyReplicas: 3,
      currentReplicas: 3,
      updatedReplicas: 3,
      currentRevision: revision!.metadata.name,
      updateRevision: revision!.metadata.name,
      collisionCount: 0,
      availableReplicas: 3,
    });
    expect(revision!.metadata.name).toMatch(/^db-[bcdfghjklmnpqrstvwxz2456789]+$/);
    expect(revision).toMatchObject({ revision: 1, data: { spec: { template: { $patch: 'replace', spec: { containers: [{ image: 'acme/db:1.0.0' }] } } } } });
  });
});

describe('a rolling update', () => {
  const replaced: string[] = [];
  let mostUnready = 0;

  beforeEach(() => {
    h = startHarness();
    h.create(statefulSet('db', { replicas: 3 }));
    h.advance(6_000);
    replaced.length = 0;
    mostUnready = 0;
    trackPods(h, (pods, event) => {
      if (event.type === 'DELETED') replaced.push(event.object.metadata.name);
      const db = [...pods.values()].filter((p) => p.metadata.labels?.app === 'db');
      mostUnready = Math.max(mostUnready, 3 - db.filter(isReady).length);
    });
    h.edit('StatefulSet', 'db', (s) => setImage(s, 'acme/db:2.0.0'));
  });

  it('replaces pods from the highest ordinal down, one at a time', () => {
    h.advance(1_000);
    expect(podsOf(h, 'db').map(imageOf)).toEqual(['acme/db:1.0.0', 'acme/db:1.0.0', 'acme/db:2.0.0']);
    h.advance(10_000);
    expect(replaced).toEqual(['db-2', 'db-1', 'db-0']);
    expect(mostUnready).toBe(1);
    expect(podsOf(h, 'db').map(imageOf)).toEqual(Array(3).fill('acme/db:2.0.0'));
  });

  it('moves the current revision once every pod is updated and ready', () => {
    h.advance(1_000);
    const mid = h.get('StatefulSet', 'db')!.status;
    expect(mid).toMatchObject({ currentReplicas: 2, updatedReplicas: 1 });
    expect(mid.currentRevision).not.toBe(mid.updateRevision);
    h.advance(10_000);
    const done = h.get('StatefulSet', 'db')!.status;
    expect(done).toMatchObject({ replicas: 3, readyReplicas: 3, currentReplicas: 3, updatedReplicas: 3, observedGeneration: 2 });
    expect(done.currentRevision).toBe(done.updateRevision);
    expect(revisions().map((r) => [r.revision, r.metadata.name === done.updateRevision])).toEqual([
      [1, false],
      [2, true],
    ]);
  });

  it('stops at the partition', () => {
    h.edit('StatefulSet', 'db', (s) => (s.spec.updateStrategy = { type: 'RollingUpdate', rollingUpdate: { partition: 2 } }));
    h.advance(20_000);
    expect(podsOf(h, 'db').map(imageOf)).toEqual(['acme/db:1.0.0', 'acme/db:1.0.0', 'acme/db:2.0.0']);
  });

  it('renumbers the earlier revision when rolled back to it', () => {
    h.advance(12_000);
    const [first] = revisions();
    h.edit('StatefulSet', 'db', (s) => setImage(s, 'acme/db:1.0.0'));
    h.advance(12_000);
    expect(revisions().map((r) => r.revision)).toEqual([2, 3]);
    expect(h.get('StatefulSet', 'db')!.status.updateRevision).toBe(first!.metadata.name);
    expect(podsOf(h, 'db').map(imageOf)).toEqual(Array(3).fill('acme/db:1.0.0'));
  });
});

describe('scaling', () => {
  beforeEach(() => {
    h = startHarness();
    h.create(statefulSet('db', { replicas: 4 }));
    h.advance(8_000);
  });

  it('removes the highest ordinals first, one at a time', () => {
    const deleted: string[] = [];
    trackPods(h, (_pods, event) => {
      if (event.type === 'DELETED') deleted.push(event.object.metadata.name);
    });
    h.edit('StatefulSet', 'db', (s) => (s.spec.replicas = 1));
    expect(deleted).toEqual(['db-3', 'db-2', 'db-1']);
    expect(names(podsOf(h, 'db'))).toEqual(['db-0']);
  });

  it('creates them all at once with the Parallel policy', () => {
    h.create(statefulSet('cache', { replicas: 3, spec: { podManagementPolicy: 'Parallel' } }));
    expect(names(podsOf(h, 'cache'))).toEqual(['cache-0', 'cache-1', 'cache-2']);
  });

  it('recreates a deleted pod under the same name', () => {
    const uid = h.get('Pod', 'db-1')!.metadata.uid;
    h.remove('Pod', 'db-1');
    const again = h.get('Pod', 'db-1')!;
    expect(again.metadata.uid).not.toBe(uid);
    h.advance(2_000);
    expect(h.get('StatefulSet', 'db')!.status.readyReplicas).toBe(4);
  });
});
