// Nodes and their kubelets: registration, heartbeats, reboots on request, pods starting,
// failing to pull, losing their node and restarting when it returns.
import { LAST_REBOOT, REBOOT_REQUESTED } from '../../../src/sim/controllers/index.js';
import type { KubeObject } from '../../../src/sim/objects.js';
import { type Harness, condition, imageOf, isReady, podsOf, replicaSet, startHarness } from './harness.js';

let h: Harness;
beforeEach(() => {
  h = startHarness({ podStartupMs: 2_000, heartbeatMs: 10_000, rebootMs: 15_000 });
});
afterEach(() => {
  h.stop();
  expect(h.errors).toEqual([]);
});

const ready = (name: string) => condition(h.get('Node', name), 'Ready');
const requestReboot = (name: string) => h.edit('Node', name, (n) => (n.metadata.annotations = { ...n.metadata.annotations, [REBOOT_REQUESTED]: 'maintenance' }));

describe('a registered node', () => {
  it('reports the kubelet conditions and an internal address', () => {
    const n = h.get('Node', 'node-a')!;
    expect(n.status.conditions.map((c: { type: string; status: string }) => `${c.type}=${c.status}`)).toEqual(['MemoryPressure=False', 'DiskPressure=False', 'PIDPressure=False', 'Ready=True']);
    expect(ready('node-a')).toMatchObject({ reason: 'KubeletReady', message: 'kubelet is posting ready status' });
    expect(n.status.addresses).toEqual([{ type: 'InternalIP', address: expect.stringMatching(/^10\.0\.\d+\.\d+$/) }, { type: 'Hostname', address: 'node-a' }]);
  });

  it('heartbeats every heartbeatMs without otherwise changing', () => {
    h.advance(9_999);
    expect(ready('node-a')?.lastHeartbeatTime).toBe('2026-01-01T00:00:00Z');
    h.advance(1);
    expect(ready('node-a')).toMatchObject({ lastHeartbeatTime: '2026-01-01T00:00:10Z', lastTransitionTime: '2026-01-01T00:00:00Z' });
  });
});

describe('a reboot request', () => {
  beforeEach(() => {
    h.create(replicaSet('api', { replicas: 3 }));
    h.advance(2_000);
    requestReboot('node-a');
  });

  const podOnA = (): KubeObject => podsOf(h, 'api').find((p) => p.spec.nodeName === 'node-a')!;

  it('takes the node NotReady at once and consumes the annotation', () => {
    const n = h.get('Node', 'node-a')!;
    expect(n.metadata.annotations?.[REBOOT_REQUESTED]).toBeUndefined();
    expect(ready('node-a')).toMatchObject({ status: 'False', reason: 'KubeletNotReady', message: 'node is rebooting', lastTransitionTime: '2026-01-01T00:00:02Z' });
    expect(n.spec.taints.map((t: { key: string; effect: string }) => `${t.key}:${t.effect}`)).toEqual(['node.kubernetes.io/not-ready:NoSchedule', 'node.kubernetes.io/not-ready:NoExecute']);
  });

  it("marks the node's pods not ready, and keeps new pods off it", () => {
    const pod = podOnA();
    expect(isReady(pod)).toBe(false);
    expect(condition(pod, 'ContainersReady')?.status).toBe('False');
    expect(pod.status.phase).toBe('Running');
    h.edit('ReplicaSet', 'api', (rs) => (rs.spec.replicas = 5));
    expect(podsOf(h, 'api').filter((p) => p.spec.nodeName === 'node-a')).toHaveLength(1);
  });

  it('brings the node back after rebootMs, stamped with the time it came back', () => {
    h.advance(14_999);
    expect(ready('node-a')?.status).toBe('False');
    h.advance(1);
    const n = h.get('Node', 'node-a')!;
    expect(ready('node-a')).toMatchObject({ status: 'True', reason: 'KubeletReady', lastTransitionTime: '2026-01-01T00:00:17Z' });
    expect(n.metadata.annotations?.[LAST_REBOOT]).toBe('2026-01-01T00:00:17Z');
    expect(n.spec.taints).toBeUndefined();
    expect(h.list('Event', (e) => e.involvedObject.name === 'node-a').map((e) => e.reason)).toEqual(['NodeNotReady', 'Rebooted', 'NodeReady']);
  });

  it('restarts the containers of its pods, ready again after startup', () => {
    h.advance(15_000);
    const restarted = podOnA();
    expect(isReady(restarted)).toBe(false);
    expect(restarted.status.containerStatuses[0]).toMatchObject({
      restartCount: 1,
      started: true,
      ready: false,
      state: { running: { startedAt: '2026-01-01T00:00:17Z' } },
      lastState: { terminated: { exitCode: 255, reason: 'Unknown', startedAt: '2026-01-01T00:00:02Z', finishedAt: '2026-01-01T00:00:17Z' } },
    });
    h.advance(2_000);
    expect(isReady(podOnA())).toBe(true);
    expect(podOnA().status.containerStatuses[0].restartCount).toBe(1);
    expect(podsOf(h, 'api').filter((p) => p.spec.nodeName !== 'node-a').map((p) => p.status.containerStatuses[0].restartCount)).toEqual([0, 0]);
  });

  it('is not heartbeating while down', () => {
    h.advance(10_000);
    expect(ready('node-a')?.lastHeartbeatTime).toBe('2026-01-01T00:00:02Z');
    expect(condition(h.get('Node', 'node-b'), 'Ready')?.lastHeartbeatTime).toBe('2026-01-01T00:00:10Z');
  });
});

describe('the kubelet', () => {
  it('reports a bound pod as creating, then running and ready after podStartupMs', () => {
    h.create(replicaSet('api', { replicas: 2 }));
    const [creating] = podsOf(h, 'api');
    const nodeIP = h.get('Node', creating!.spec.nodeName)!.status.addresses[0].address;
    expect(creating!.status).toMatchObject({ phase: 'Pending', hostIP: nodeIP, hostIPs: [{ ip: nodeIP }], startTime: '2026-01-01T00:00:00Z', qosClass: 'BestEffort' });
    expect(creating!.status.containerStatuses[0]).toMatchObject({ ready: false, started: false, state: { waiting: { reason: 'ContainerCreating' } } });
    h.advance(2_000);
    const pods = podsOf(h, 'api');
    const [running] = pods;
    expect(running!.status.phase).toBe('Running');
    expect(running!.status.conditions.map((c: { type: string; status: string }) => `${c.type}=${c.status}`)).toEqual([
      'PodReadyToStartContainers=True',
      'Initialized=True',
      'Ready=True',
      'ContainersReady=True',
      'PodScheduled=True',
    ]);
    expect(running!.status.containerStatuses).toEqual([
      {
        name: 'main',
        image: 'acme/web:1.0.0',
        imageID: expect.stringMatching(/^docker-pullable:\/\/acme\/web@sha256:[0-9a-f]{64}$/),
        containerID: expect.stringMatching(/^docker:\/\/[0-9a-f]{64}$/),
        ready: true,
        started: true,
        restartCount: 0,
        state: { running: { startedAt: '2026-01-01T00:00:02Z' } },
        lastState: {},
      },
    ]);
    expect(new Set(pods.map((p) => p.status.podIP)).size).toBe(2);
  });

  it.each(['acme/api:2.0.0-broken', 'acme/api:fail', 'registry.local:5000/acme/api:v3-failing'])('never pulls %s', (image) => {
    h.create(replicaSet('api', { replicas: 1, image }));
    h.advance(60_000);
    const [pod] = podsOf(h, 'api');
    expect(pod!.status.phase).toBe('Pending');
    expect(isReady(pod!)).toBe(false);
    expect(condition(pod, 'Ready')).toMatchObject({ reason: 'ContainersNotReady', message: 'containers with unready status: [main]' });
    expect(pod!.status.containerStatuses[0].state.waiting).toEqual({ reason: 'ImagePullBackOff', message: `Back-off pulling image "${image}"` });
    expect(h.list('Event', (e) => e.involvedObject.name === pod!.metadata.name).map((e) => e.reason)).toEqual(['Scheduled', 'Pulling', 'Failed', 'BackOff']);
  });

  it('pulls images whose registry port or name merely contains the words', () => {
    h.create(replicaSet('api', { replicas: 1, image: 'failover.local:5000/broken-tools/api:1.0' }));
    h.advance(2_000);
    expect(imageOf(podsOf(h, 'api')[0]!)).toBe('failover.local:5000/broken-tools/api:1.0');
    expect(isReady(podsOf(h, 'api')[0]!)).toBe(true);
  });

  it('loses the pods of a deleted node after the quarantine, and their owner replaces them elsewhere', () => {
    h.create(replicaSet('api', { replicas: 3 }));
    h.advance(2_000);
    h.remove('Node', 'node-a');
    h.advance(39_999);
    expect(podsOf(h, 'api').map((p) => p.spec.nodeName).sort()).toEqual(['node-a', 'node-b', 'node-c']);
    h.advance(1);
    const pods = podsOf(h, 'api');
    expect(pods).toHaveLength(3);
    expect(pods.map((p) => p.spec.nodeName).sort()).toEqual(['node-b', 'node-b', 'node-c'].sort());
  });
});
