// ReplicaSets keep their pod count: replacing deleted pods, giving up the least useful ones
// first, and letting go of pods relabelled out of their selector.
import { type Harness, condition, isReady, podsOf, replicaSet, startHarness } from './harness.js';

let h: Harness;
beforeEach(() => {
  h = startHarness();
});
afterEach(() => {
  h.stop();
  expect(h.errors).toEqual([]);
});

const cordon = (node: string) => h.edit('Node', node, (n) => (n.spec.unschedulable = true));

it('reports replicas, fullyLabeledReplicas, readyReplicas, availableReplicas and observedGeneration', () => {
  h.create(replicaSet('api', { replicas: 2 }));
  expect(h.get('ReplicaSet', 'api')!.status).toEqual({ replicas: 2, fullyLabeledReplicas: 2, observedGeneration: 1 });
  h.advance(2_000);
  expect(h.get('ReplicaSet', 'api')!.status).toEqual({ replicas: 2, fullyLabeledReplicas: 2, readyReplicas: 2, availableReplicas: 2, observedGeneration: 1 });
});

it('replaces an evicted pod on another schedulable node', () => {
  h.create(replicaSet('api', { replicas: 3 }));
  h.advance(2_000);
  const before = podsOf(h, 'api');
  const victim = before.find((p) => p.spec.nodeName === 'node-b')!;
  // kubectl drain: cordon, then evict
  cordon('node-b');
  h.remove('Pod', victim.metadata.name);
  const pods = podsOf(h, 'api');
  expect(pods).toHaveLength(3);
  const [replacement, ...others] = pods.filter((p) => !before.some((b) => b.metadata.name === p.metadata.name));
  expect(others).toEqual([]);
  expect(['node-a', 'node-c']).toContain(replacement!.spec.nodeName);
  h.advance(2_000);
  expect(podsOf(h, 'api').filter(isReady)).toHaveLength(3);
  expect(h.list('Event', (e) => e.involvedObject.name === 'api' && e.reason === 'SuccessfulCreate')).toHaveLength(4);
});

it('deletes unscheduled pods before running ones when scaling down', () => {
  h.create(replicaSet('api', { replicas: 2 }));
  h.advance(2_000);
  const running = podsOf(h, 'api').map((p) => p.metadata.name);
  for (const node of ['node-a', 'node-b', 'node-c']) cordon(node);
  h.edit('ReplicaSet', 'api', (rs) => (rs.spec.replicas = 4));
  expect(podsOf(h, 'api').filter((p) => !p.spec.nodeName)).toHaveLength(2);
  h.edit('ReplicaSet', 'api', (rs) => (rs.spec.replicas = 2));
  expect(podsOf(h, 'api').map((p) => p.metadata.name)).toEqual(running);
});

it('prefers pods doubled up on a node when scaling down', () => {
  h.create(replicaSet('api', { replicas: 4 }));
  h.advance(2_000);
  const perNode = (name: string) => podsOf(h, 'api').filter((p) => p.spec.nodeName === name).length;
  expect(['node-a', 'node-b', 'node-c'].map(perNode).sort()).toEqual([1, 1, 2]);
  h.edit('ReplicaSet', 'api', (rs) => (rs.spec.replicas = 3));
  expect(['node-a', 'node-b', 'node-c'].map(perNode)).toEqual([1, 1, 1]);
});

it('releases a pod relabelled out of its selector and replaces it', () => {
  h.create(replicaSet('api', { replicas: 2 }));
  h.advance(2_000);
  const [pod] = podsOf(h, 'api');
  h.edit('Pod', pod!.metadata.name, (p) => (p.metadata.labels = { app: 'debug' }));
  const released = h.get('Pod', pod!.metadata.name)!;
  expect(released.metadata.ownerReferences).toBeUndefined();
  expect(podsOf(h, 'api')).toHaveLength(2);
  expect(h.get('ReplicaSet', 'api')!.status.replicas).toBe(2);
});

it('leaves pods Pending and unschedulable when no node fits', () => {
  for (const node of ['node-a', 'node-b', 'node-c']) cordon(node);
  h.create(replicaSet('api', { replicas: 1 }));
  h.advance(10_000);
  const [pod] = podsOf(h, 'api');
  expect(pod!.status.phase).toBe('Pending');
  expect(condition(pod, 'PodScheduled')).toMatchObject({
    status: 'False',
    reason: 'Unschedulable',
    message: '0/3 nodes are available: 3 node(s) were unschedulable. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.',
  });
  expect(h.get('ReplicaSet', 'api')!.status).toMatchObject({ replicas: 1 });
  h.edit('Node', 'node-b', (n) => (n.spec.unschedulable = false));
  h.advance(2_000);
  expect(podsOf(h, 'api').map((p) => [p.spec.nodeName, isReady(p)])).toEqual([['node-b', true]]);
});
