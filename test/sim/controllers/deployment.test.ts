// Deployments as kube-controller-manager runs them: ReplicaSets per template, rolling
// updates within surge/unavailability bounds, rollbacks, stuck rollouts, pause and resize.
import type { KubeObject } from '../../../src/sim/objects.js';
import {
  type Harness,
  condition,
  deployment,
  deploymentRolloutStatus,
  imageOf,
  isReady,
  podsOf,
  setImage,
  startHarness,
  trackPods,
} from './harness.js';

let h: Harness;
afterEach(() => {
  h.stop();
  expect(h.errors).toEqual([]);
});

const replicaSetsOf = (name: string) => h.list('ReplicaSet', (rs) => rs.metadata.ownerReferences?.[0]?.name === name);
const revisionOf = (obj: KubeObject | undefined) => obj?.metadata.annotations?.['deployment.kubernetes.io/revision'];

describe('a new deployment', () => {
  beforeEach(() => {
    h = startHarness();
    h.create(deployment('web', { replicas: 3 }));
  });

  it('creates a ReplicaSet named by its pod-template-hash, owned by the deployment', () => {
    const [rs, ...others] = replicaSetsOf('web');
    expect(others).toEqual([]);
    const hash = rs!.metadata.labels!['pod-template-hash']!;
    expect(hash).toMatch(/^[bcdfghjklmnpqrstvwxz2456789]{1,10}$/);
    expect(rs!.metadata.name).toBe(`web-${hash}`);
    expect(rs!.spec.selector.matchLabels).toEqual({ app: 'web', 'pod-template-hash': hash });
    expect(rs!.spec.template.metadata.labels).toEqual({ app: 'web', 'pod-template-hash': hash });
    expect(rs!.metadata.annotations).toEqual({
      'deployment.kubernetes.io/revision': '1',
      'deployment.kubernetes.io/desired-replicas': '3',
      'deployment.kubernetes.io/max-replicas': '4',
    });
    expect(rs!.metadata.ownerReferences).toEqual([
      { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web', uid: h.get('Deployment', 'web')!.metadata.uid, controller: true, blockOwnerDeletion: true },
    ]);
    expect(revisionOf(h.get('Deployment', 'web'))).toBe('1');
  });

  it('starts unavailable, with pods pending, and says so', () => {
    const d = h.get('Deployment', 'web')!;
    expect(d.status).toMatchObject({ observedGeneration: 1, replicas: 3, updatedReplicas: 3, unavailableReplicas: 3 });
    expect(condition(d, 'Available')).toMatchObject({ status: 'False', reason: 'MinimumReplicasUnavailable', message: 'Deployment does not have minimum availability.' });
    expect(podsOf(h, 'web').map((p) => p.status.phase)).toEqual(['Pending', 'Pending', 'Pending']);
    expect(deploymentRolloutStatus(d).done).toBe(false);
  });

  it('becomes available with the status a real cluster reports', () => {
    h.advance(2_000);
    const d = h.get('Deployment', 'web')!;
    const rs = replicaSetsOf('web')[0]!;
    expect(d.status).toEqual({
      observedGeneration: 1,
      replicas: 3,
      updatedReplicas: 3,
      readyReplicas: 3,
      availableReplicas: 3,
      conditions: [
        expect.objectContaining({ type: 'Available', status: 'True', reason: 'MinimumReplicasAvailable', message: 'Deployment has minimum availability.' }),
        expect.objectContaining({ type: 'Progressing', status: 'True', reason: 'NewReplicaSetAvailable', message: `ReplicaSet "${rs.metadata.name}" has successfully progressed.` }),
      ],
    });
    expect(rs.status).toEqual({ replicas: 3, fullyLabeledReplicas: 3, readyReplicas: 3, availableReplicas: 3, observedGeneration: 1 });
    expect(deploymentRolloutStatus(d)).toEqual({ done: true, message: 'deployment "web" successfully rolled out' });
  });

  it('runs its pods on every node, labelled and owned by the ReplicaSet', () => {
    h.advance(2_000);
    const rs = replicaSetsOf('web')[0]!;
    const pods = podsOf(h, 'web');
    expect(new Set(pods.map((p) => p.spec.nodeName))).toEqual(new Set(['node-a', 'node-b', 'node-c']));
    for (const pod of pods) {
      expect(pod.metadata.name).toMatch(new RegExp(`^${rs.metadata.name}-[bcdfghjklmnpqrstvwxz2456789]{5}$`));
      expect(pod.metadata.labels).toEqual({ app: 'web', 'pod-template-hash': rs.metadata.labels!['pod-template-hash'] });
      expect(pod.metadata.ownerReferences).toEqual([expect.objectContaining({ kind: 'ReplicaSet', name: rs.metadata.name, controller: true })]);
      expect(isReady(pod)).toBe(true);
    }
  });

  it('records the scaling as an event on the deployment', () => {
    const rs = replicaSetsOf('web')[0]!;
    const events = h.list('Event', (e) => e.involvedObject.kind === 'Deployment');
    expect(events).toEqual([expect.objectContaining({ reason: 'ScalingReplicaSet', message: `Scaled up replica set ${rs.metadata.name} from 0 to 3`, type: 'Normal', count: 1 })]);
  });
});

describe.each([
  { replicas: 4, maxSurge: '25%', maxUnavailable: '25%', surge: 1, unavailable: 1 },
  { replicas: 3, maxSurge: 1, maxUnavailable: 0, surge: 1, unavailable: 0 },
  { replicas: 5, maxSurge: 0, maxUnavailable: 1, surge: 0, unavailable: 1 },
  { replicas: 10, maxSurge: '30%', maxUnavailable: '20%', surge: 3, unavailable: 2 },
  { replicas: 2, maxSurge: '10%', maxUnavailable: '10%', surge: 1, unavailable: 0 },
  { replicas: 3, maxSurge: 0, maxUnavailable: 0, surge: 0, unavailable: 1 },
])('a rolling update of $replicas replicas, maxSurge $maxSurge, maxUnavailable $maxUnavailable', ({ replicas, maxSurge, maxUnavailable, surge, unavailable }) => {
  let peakPods = 0;
  let leastAvailable = Infinity;

  beforeEach(() => {
    h = startHarness({ nodes: 4 });
    h.create(deployment('web', { replicas, spec: { strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge, maxUnavailable } } } }));
    h.advance(2_000);
    trackPods(h, (pods) => {
      const web = [...pods.values()].filter((p) => p.metadata.labels?.app === 'web');
      peakPods = Math.max(peakPods, web.length);
      leastAvailable = Math.min(leastAvailable, web.filter(isReady).length);
    });
    h.edit('Deployment', 'web', (d) => setImage(d, 'acme/web:2.0.0'));
    for (let t = 0; t < 30_000; t += 1_000) h.advance(1_000);
  });

  it('never runs more than replicas + maxSurge pods', () => {
    expect(peakPods).toBe(replicas + surge);
  });

  it('never has fewer than replicas - maxUnavailable pods ready', () => {
    expect(leastAvailable).toBe(replicas - unavailable);
  });

  it('ends with every pod on the new template and the old ReplicaSet empty', () => {
    const pods = podsOf(h, 'web');
    expect(pods.map(imageOf)).toEqual(Array(replicas).fill('acme/web:2.0.0'));
    const [oldRS, newRS] = replicaSetsOf('web').sort((a, b) => Number(revisionOf(a)) - Number(revisionOf(b)));
    expect(oldRS!.spec.replicas).toBe(0);
    expect(newRS!.spec.replicas).toBe(replicas);
    const d = h.get('Deployment', 'web')!;
    expect(revisionOf(d)).toBe('2');
    expect(d.status).toMatchObject({ observedGeneration: 2, replicas, updatedReplicas: replicas, availableReplicas: replicas });
    expect(condition(d, 'Progressing')).toMatchObject({ reason: 'NewReplicaSetAvailable', message: `ReplicaSet "${newRS!.metadata.name}" has successfully progressed.` });
  });
});

describe('rollback by restoring an earlier template', () => {
  beforeEach(() => {
    h = startHarness();
    h.create(deployment('web', { image: 'acme/web:1.0.0' }));
    h.advance(5_000);
    h.edit('Deployment', 'web', (d) => setImage(d, 'acme/web:2.0.0'));
    h.advance(30_000);
  });

  it('reuses the old ReplicaSet and gives it the next revision', () => {
    const [v1] = replicaSetsOf('web').filter((rs) => rs.spec.template.spec.containers[0].image === 'acme/web:1.0.0');
    // what `kubectl rollout undo` sends: the old ReplicaSet's template without its hash label
    h.edit('Deployment', 'web', (d) => {
      const { 'pod-template-hash': _hash, ...labels } = v1!.spec.template.metadata.labels;
      d.spec.template = { ...structuredClone(v1!.spec.template), metadata: { labels, creationTimestamp: null } };
    });
    h.advance(30_000);
    const rss = replicaSetsOf('web');
    expect(rss).toHaveLength(2);
    const reused = h.get('ReplicaSet', v1!.metadata.name)!;
    expect(reused.metadata.annotations).toMatchObject({ 'deployment.kubernetes.io/revision': '3', 'deployment.kubernetes.io/revision-history': '1' });
    expect(reused.spec.replicas).toBe(3);
    expect(revisionOf(h.get('Deployment', 'web'))).toBe('3');
    expect(podsOf(h, 'web').map(imageOf)).toEqual(Array(3).fill('acme/web:1.0.0'));
    expect(deploymentRolloutStatus(h.get('Deployment', 'web')!).done).toBe(true);
  });
});

describe('a rollout to an image that never pulls', () => {
  beforeEach(() => {
    h = startHarness();
    h.create(deployment('web'));
    h.advance(5_000);
    h.edit('Deployment', 'web', (d) => setImage(d, 'acme/web:2.0.0-broken'));
  });

  it('keeps the old pods serving while the new pod backs off', () => {
    h.advance(60_000);
    const pods = podsOf(h, 'web');
    const broken = pods.filter((p) => imageOf(p).endsWith('broken'));
    expect(broken).toHaveLength(1);
    expect(broken[0]!.status.phase).toBe('Pending');
    expect(broken[0]!.status.containerStatuses[0].state).toEqual({ waiting: { reason: 'ImagePullBackOff', message: 'Back-off pulling image "acme/web:2.0.0-broken"' } });
    expect(pods.filter((p) => imageOf(p) === 'acme/web:1.0.0' && isReady(p))).toHaveLength(3);
    const d = h.get('Deployment', 'web')!;
    expect(condition(d, 'Progressing')).toMatchObject({ status: 'True', reason: 'ReplicaSetUpdated' });
    expect(d.status).toMatchObject({ replicas: 4, updatedReplicas: 1, availableReplicas: 3, unavailableReplicas: 1 });
  });

  it('times out after progressDeadlineSeconds, which kubectl rollout status reports', () => {
    h.advance(599_000);
    expect(condition(h.get('Deployment', 'web'), 'Progressing')?.reason).toBe('ReplicaSetUpdated');
    h.advance(3_000);
    const d = h.get('Deployment', 'web')!;
    const newRS = replicaSetsOf('web').find((rs) => rs.spec.template.spec.containers[0].image.endsWith('broken'))!;
    expect(condition(d, 'Progressing')).toMatchObject({ status: 'False', reason: 'ProgressDeadlineExceeded', message: `ReplicaSet "${newRS.metadata.name}" has timed out progressing.` });
    expect(condition(d, 'Available')).toMatchObject({ status: 'True' });
    expect(() => deploymentRolloutStatus(d)).toThrow('deployment "web" exceeded its progress deadline');
  });

  it('can be rolled back out of the stuck state', () => {
    h.advance(700_000);
    h.edit('Deployment', 'web', (d) => setImage(d, 'acme/web:1.0.0'));
    h.advance(10_000);
    const d = h.get('Deployment', 'web')!;
    expect(podsOf(h, 'web').map(imageOf)).toEqual(Array(3).fill('acme/web:1.0.0'));
    expect(condition(d, 'Progressing')).toMatchObject({ status: 'True', reason: 'NewReplicaSetAvailable' });
    expect(deploymentRolloutStatus(d).done).toBe(true);
  });
});

describe('a paused deployment', () => {
  beforeEach(() => {
    h = startHarness();
    h.create(deployment('web'));
    h.advance(5_000);
    h.edit('Deployment', 'web', (d) => (d.spec.paused = true));
    h.edit('Deployment', 'web', (d) => setImage(d, 'acme/web:2.0.0'));
    h.advance(30_000);
  });

  it('holds the rollout and says it is paused', () => {
    expect(replicaSetsOf('web')).toHaveLength(1);
    expect(podsOf(h, 'web').map(imageOf)).toEqual(Array(3).fill('acme/web:1.0.0'));
    const d = h.get('Deployment', 'web')!;
    expect(condition(d, 'Progressing')).toMatchObject({ status: 'Unknown', reason: 'DeploymentPaused', message: 'Deployment is paused' });
    expect(d.status).toMatchObject({ observedGeneration: 3, replicas: 3, availableReplicas: 3 });
    expect(d.status.updatedReplicas).toBeUndefined();
  });

  it('still scales', () => {
    h.edit('Deployment', 'web', (d) => (d.spec.replicas = 5));
    h.advance(5_000);
    expect(podsOf(h, 'web').map(imageOf)).toEqual(Array(5).fill('acme/web:1.0.0'));
  });

  it('rolls out when resumed', () => {
    h.edit('Deployment', 'web', (d) => (d.spec.paused = false));
    h.advance(30_000);
    expect(podsOf(h, 'web').map(imageOf)).toEqual(Array(3).fill('acme/web:2.0.0'));
    expect(condition(h.get('Deployment', 'web'), 'Progressing')).toMatchObject({ status: 'True', reason: 'NewReplicaSetAvailable' });
  });
});

describe.each([
  { from: 3, to: 5 },
  { from: 5, to: 2 },
  { from: 2, to: 0 },
  { from: 0, to: 4 },
])('scaling from $from to $to replicas', ({ from, to }) => {
  beforeEach(() => {
    h = startHarness();
    h.create(deployment('web', { replicas: from }));
    h.advance(5_000);
    h.edit('Deployment', 'web', (d) => (d.spec.replicas = to));
    h.advance(5_000);
  });

  it('resizes the current ReplicaSet without a new revision', () => {
    const [rs, ...others] = replicaSetsOf('web');
    expect(others).toEqual([]);
    expect(rs!.spec.replicas).toBe(to);
    expect(rs!.metadata.annotations).toMatchObject({ 'deployment.kubernetes.io/revision': '1', 'deployment.kubernetes.io/desired-replicas': String(to) });
    expect(podsOf(h, 'web').filter(isReady)).toHaveLength(to);
    expect(h.get('Deployment', 'web')!.status.availableReplicas ?? 0).toBe(to);
    if (from !== to && from > 0) {
      const direction = to > from ? 'up' : 'down';
      const messages = h.list('Event', (e) => e.involvedObject.name === 'web').map((e) => e.message);
      expect(messages).toContain(`Scaled ${direction} replica set ${rs!.metadata.name} from ${from} to ${to}`);
    }
  });
});

describe('resizing in the middle of a rollout', () => {
  it('spreads the new size over both ReplicaSets in proportion', () => {
    h = startHarness();
    h.create(deployment('web', { replicas: 10, spec: { strategy: { rollingUpdate: { maxSurge: 3, maxUnavailable: 2 } } } }));
    h.advance(5_000);
    h.edit('Deployment', 'web', (d) => setImage(d, 'acme/web:2.0.0-broken'));
    const before = replicaSetsOf('web').map((rs) => rs.spec.replicas).sort((a, b) => a - b);
    expect(before).toEqual([5, 8]);
    h.edit('Deployment', 'web', (d) => (d.spec.replicas = 20));
    const after = replicaSetsOf('web').map((rs) => rs.spec.replicas).sort((a, b) => a - b);
    expect(after.reduce((a, b) => a + b)).toBe(23);
    expect(after).toEqual([9, 14]);
  });
});

describe('the Recreate strategy', () => {
  it('removes every old pod before starting a new one', () => {
    h = startHarness();
    h.create(deployment('web', { spec: { strategy: { type: 'Recreate' } } }));
    h.advance(5_000);
    let mixed = false;
    trackPods(h, (pods) => {
      const images = new Set([...pods.values()].filter((p) => p.metadata.labels?.app === 'web').map(imageOf));
      mixed ||= images.size > 1;
    });
    h.edit('Deployment', 'web', (d) => setImage(d, 'acme/web:2.0.0'));
    h.advance(5_000);
    expect(mixed).toBe(false);
    expect(podsOf(h, 'web').map(imageOf)).toEqual(Array(3).fill('acme/web:2.0.0'));
    expect(deploymentRolloutStatus(h.get('Deployment', 'web')!).done).toBe(true);
  });
});

describe('revision history', () => {
  it('keeps revisionHistoryLimit old ReplicaSets', () => {
    h = startHarness();
    h.create(deployment('web', { replicas: 1, spec: { revisionHistoryLimit: 2 } }));
    for (let v = 2; v <= 6; v++) {
      h.advance(5_000);
      h.edit('Deployment', 'web', (d) => setImage(d, `acme/web:${v}.0.0`));
    }
    h.advance(5_000);
    expect(replicaSetsOf('web').map((rs) => revisionOf(rs)).sort()).toEqual(['4', '5', '6']);
  });
});

describe('minReadySeconds', () => {
  it('counts a pod available only once it has been ready that long', () => {
    h = startHarness();
    h.create(deployment('web', { spec: { minReadySeconds: 10 } }));
    h.advance(2_000);
    expect(h.get('Deployment', 'web')!.status).toMatchObject({ readyReplicas: 3, unavailableReplicas: 3 });
    h.advance(10_000);
    expect(h.get('Deployment', 'web')!.status.availableReplicas).toBeUndefined();
    h.advance(1_000);
    expect(h.get('Deployment', 'web')!.status).toMatchObject({ readyReplicas: 3, availableReplicas: 3 });
    expect(replicaSetsOf('web')[0]!.spec.minReadySeconds).toBe(10);
  });
});
