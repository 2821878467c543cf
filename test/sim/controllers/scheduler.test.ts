// The scheduler: spreading, cordons, node selectors, taints and tolerations, and the
// Unschedulable condition a pod carries while nothing fits.
import { type Harness, condition, node, podsOf, replicaSet, startHarness } from './harness.js';

let h: Harness;
beforeEach(() => {
  h = startHarness();
});
afterEach(() => {
  h.stop();
  expect(h.errors).toEqual([]);
});

const nodesOf = (app: string) => podsOf(h, app).map((p) => p.spec.nodeName ?? null);
const countBy = (values: (string | null)[]) => values.reduce<Record<string, number>>((acc, v) => ({ ...acc, [String(v)]: (acc[String(v)] ?? 0) + 1 }), {});

it('spreads pods over the nodes, fewest first', () => {
  h.create(replicaSet('api', { replicas: 6 }));
  h.create(replicaSet('web', { replicas: 2 }));
  expect(countBy(nodesOf('api'))).toEqual({ 'node-a': 2, 'node-b': 2, 'node-c': 2 });
  expect(new Set(nodesOf('web')).size).toBe(2);
});

it('puts nothing new on a cordoned node, which carries the unschedulable taint until uncordoned', () => {
  h.edit('Node', 'node-a', (n) => (n.spec.unschedulable = true));
  expect(h.get('Node', 'node-a')!.spec.taints).toEqual([{ key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule', timeAdded: '2026-01-01T00:00:00Z' }]);
  h.create(replicaSet('api', { replicas: 4 }));
  expect(countBy(nodesOf('api'))).toEqual({ 'node-b': 2, 'node-c': 2 });
  h.edit('Node', 'node-a', (n) => (n.spec.unschedulable = false));
  expect(h.get('Node', 'node-a')!.spec.taints).toBeUndefined();
});

describe.each([
  {
    name: 'a node selector',
    podSpec: { nodeSelector: { disk: 'ssd' } },
    reason: "3 node(s) didn't match Pod's node affinity/selector",
  },
  {
    name: 'required node affinity',
    podSpec: { affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'disk', operator: 'In', values: ['ssd', 'nvme'] }] }] } } } },
    reason: "3 node(s) didn't match Pod's node affinity/selector",
  },
])('a pod with $name', ({ podSpec, reason }) => {
  it('waits, Unschedulable, until a node matches', () => {
    h.create(replicaSet('api', { replicas: 1, podSpec }));
    const [pending] = podsOf(h, 'api');
    expect(pending!.spec.nodeName).toBeUndefined();
    expect(condition(pending, 'PodScheduled')?.message).toBe(`0/3 nodes are available: ${reason}. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.`);
    const failed = h.list('Event', (e) => e.reason === 'FailedScheduling');
    expect(failed).toHaveLength(1);
    h.edit('Node', 'node-c', (n) => (n.metadata.labels = { ...n.metadata.labels, disk: 'ssd' }));
    expect(nodesOf('api')).toEqual(['node-c']);
    expect(condition(podsOf(h, 'api')[0], 'PodScheduled')).toMatchObject({ status: 'True' });
  });
});

describe('taints', () => {
  beforeEach(() => {
    h.create(node('control-1', { 'node-role.kubernetes.io/control-plane': '' }));
    h.edit('Node', 'control-1', (n) => (n.spec.taints = [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }]));
    for (const name of ['node-a', 'node-b', 'node-c']) h.remove('Node', name);
  });

  it('keep pods that do not tolerate them off the node', () => {
    h.create(replicaSet('api', { replicas: 1 }));
    expect(nodesOf('api')).toEqual([null]);
    expect(condition(podsOf(h, 'api')[0], 'PodScheduled')?.message).toMatch(/^0\/1 nodes are available: 1 node\(s\) had untolerated taint \{node-role.kubernetes.io\/control-plane: \}\./);
  });

  it('let pods that tolerate them on', () => {
    const tolerations = [{ key: 'node-role.kubernetes.io/control-plane', operator: 'Exists', effect: 'NoSchedule' }];
    h.create(replicaSet('api', { replicas: 1, podSpec: { tolerations } }));
    expect(nodesOf('api')).toEqual(['control-1']);
  });
});

it('respects the node pod capacity', () => {
  for (const name of ['node-a', 'node-b', 'node-c']) h.editStatus('Node', name, (n) => (n.status.allocatable.pods = '1'));
  h.create(replicaSet('api', { replicas: 4 }));
  expect(countBy(nodesOf('api'))).toEqual({ 'node-a': 1, 'node-b': 1, 'node-c': 1, null: 1 });
  expect(condition(podsOf(h, 'api').find((p) => !p.spec.nodeName), 'PodScheduled')?.message).toMatch(/^0\/3 nodes are available: 3 Too many pods\./);
});
