// DaemonSets: a pod per eligible node (cordoned ones too), following nodes as they come and
// go, and a rolling update that keeps at most maxUnavailable nodes without a pod.
import { type Harness, imageOf, isReady, node, podsOf, setImage, startHarness, trackPods, daemonSet } from './harness.js';

let h: Harness;
beforeEach(() => {
  h = startHarness({ nodes: 4 });
});
afterEach(() => {
  h.stop();
  expect(h.errors).toEqual([]);
});

const nodesOf = (app: string) => podsOf(h, app).map((p) => p.spec.nodeName).sort();
const ALL = ['node-a', 'node-b', 'node-c', 'node-d'];

it('runs one pod on every node, cordoned ones included', () => {
  h.edit('Node', 'node-b', (n) => (n.spec.unschedulable = true));
  h.create(daemonSet('agent'));
  h.advance(2_000);
  expect(nodesOf('agent')).toEqual(ALL);
  const ds = h.get('DaemonSet', 'agent')!;
  expect(ds.status).toEqual({
    currentNumberScheduled: 4,
    numberMisscheduled: 0,
    desiredNumberScheduled: 4,
    numberReady: 4,
    observedGeneration: 1,
    updatedNumberScheduled: 4,
    numberAvailable: 4,
  });
  const [pod] = podsOf(h, 'agent');
  expect(pod!.metadata.labels).toMatchObject({ app: 'agent', 'controller-revision-hash': expect.any(String), 'pod-template-generation': '1' });
  expect(pod!.spec.tolerations).toContainEqual({ key: 'node.kubernetes.io/unschedulable', operator: 'Exists', effect: 'NoSchedule' });
  expect(pod!.spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms).toEqual([
    { matchFields: [{ key: 'metadata.name', operator: 'In', values: [pod!.spec.nodeName] }] },
  ]);
});

it('honours its node selector and follows nodes as they come and go', () => {
  for (const name of ['node-a', 'node-c']) h.edit('Node', name, (n) => (n.metadata.labels = { ...n.metadata.labels, gpu: 'true' }));
  h.create(daemonSet('gpu', { podSpec: { nodeSelector: { gpu: 'true' } } }));
  expect(nodesOf('gpu')).toEqual(['node-a', 'node-c']);
  h.create(node('node-e', { gpu: 'true' }));
  expect(nodesOf('gpu')).toEqual(['node-a', 'node-c', 'node-e']);
  h.edit('Node', 'node-a', (n) => (n.metadata.labels = { 'kubernetes.io/hostname': 'node-a' }));
  expect(nodesOf('gpu')).toEqual(['node-c', 'node-e']);
  h.remove('Node', 'node-e');
  h.advance(40_000);
  expect(nodesOf('gpu')).toEqual(['node-c']);
  expect(h.get('DaemonSet', 'gpu')!.status).toMatchObject({ desiredNumberScheduled: 1, currentNumberScheduled: 1 });
});

it('skips nodes with a taint it does not tolerate', () => {
  h.edit('Node', 'node-d', (n) => (n.spec.taints = [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }]));
  h.create(daemonSet('agent'));
  expect(nodesOf('agent')).toEqual(['node-a', 'node-b', 'node-c']);
});

it('keeps its pod on a rebooting node without counting it as desired', () => {
  h.create(daemonSet('agent'));
  h.advance(2_000);
  h.edit('Node', 'node-a', (n) => (n.metadata.annotations = { 'fleetgraph.io/reboot-requested': 'true' }));
  expect(nodesOf('agent')).toEqual(ALL);
  expect(h.get('DaemonSet', 'agent')!.status).toMatchObject({ desiredNumberScheduled: 3, numberMisscheduled: 1, numberReady: 3 });
  h.advance(20_000);
  expect(h.get('DaemonSet', 'agent')!.status).toMatchObject({ desiredNumberScheduled: 4, numberMisscheduled: 0, numberReady: 4, numberAvailable: 4 });
});

describe.each([
  { maxUnavailable: 1, unavailable: 1 },
  { maxUnavailable: 2, unavailable: 2 },
  { maxUnavailable: '50%', unavailable: 2 },
])('a rolling update with maxUnavailable $maxUnavailable', ({ maxUnavailable, unavailable }) => {
  let mostMissing = 0;

  beforeEach(() => {
    h.create(daemonSet('agent', { spec: { updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable } } } }));
    h.advance(2_000);
    trackPods(h, (pods) => {
      const ready = new Set([...pods.values()].filter((p) => p.metadata.labels?.app === 'agent' && isReady(p)).map((p) => p.spec.nodeName));
      mostMissing = Math.max(mostMissing, ALL.filter((n) => !ready.has(n)).length);
    });
    h.edit('DaemonSet', 'agent', (ds) => setImage(ds, 'acme/agent:2.0.0'));
    h.advance(20_000);
  });

  it('leaves at most maxUnavailable nodes without a ready pod', () => {
    expect(mostMissing).toBe(unavailable);
  });

  it('ends with every node on the new template', () => {
    expect(podsOf(h, 'agent').map(imageOf)).toEqual(Array(4).fill('acme/agent:2.0.0'));
    expect(nodesOf('agent')).toEqual(ALL);
    expect(h.get('DaemonSet', 'agent')!.status).toMatchObject({ updatedNumberScheduled: 4, numberAvailable: 4, observedGeneration: 2 });
    expect(h.list('ControllerRevision').map((r) => r.revision).sort()).toEqual([1, 2]);
  });
});

it('surges a new pod beside the old one with maxSurge', () => {
  h.create(daemonSet('agent', { spec: { updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 0, maxSurge: 1 } } } }));
  h.advance(2_000);
  let mostMissing = 0;
  let mostPods = 0;
  trackPods(h, (pods) => {
    const agent = [...pods.values()].filter((p) => p.metadata.labels?.app === 'agent');
    const ready = new Set(agent.filter(isReady).map((p) => p.spec.nodeName));
    mostMissing = Math.max(mostMissing, ALL.filter((n) => !ready.has(n)).length);
    mostPods = Math.max(mostPods, agent.length);
  });
  h.edit('DaemonSet', 'agent', (ds) => setImage(ds, 'acme/agent:2.0.0'));
  h.advance(20_000);
  expect(mostMissing).toBe(0);
  expect(mostPods).toBe(5);
  expect(podsOf(h, 'agent').map(imageOf)).toEqual(Array(4).fill('acme/agent:2.0.0'));
});
