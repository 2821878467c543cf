// Workload status as `kubectl rollout status` reads it, plus DEGRADED: one row per branch,
// each object shaped as the controllers leave it at that moment.
import type { KubeObjects } from '../../src/kube/index.js';
import type { WorkloadStatus } from '../../src/model/records.js';
import { workloadStatus } from '../../src/model/workload-status.js';

type Deployment = KubeObjects['Deployment'];
type StatefulSet = KubeObjects['StatefulSet'];
type DaemonSet = KubeObjects['DaemonSet'];
type DeploymentStatus = NonNullable<Deployment['status']>;
type StatefulSetStatus = NonNullable<StatefulSet['status']>;
type DaemonSetStatus = NonNullable<DaemonSet['status']>;

const template = { metadata: { labels: { app: 'x' } }, spec: { containers: [{ name: 'x', image: 'acme/x:1.0.0' }] } };
const at = new Date('2026-09-01T00:00:00Z');

function progressing(reason: string, status = 'True') {
  return { type: 'Progressing', status, reason, message: `${reason}.`, lastUpdateTime: at, lastTransitionTime: at };
}
const available = { type: 'Available', status: 'True', reason: 'MinimumReplicasAvailable', lastUpdateTime: at, lastTransitionTime: at };

function deployment(opts: { replicas?: number; paused?: boolean; generation?: number }, status?: DeploymentStatus): Deployment {
  return {
    metadata: { name: 'api', namespace: 'acme-production', generation: opts.generation ?? 2 },
    spec: { replicas: opts.replicas, paused: opts.paused, selector: { matchLabels: { app: 'x' } }, template },
    status,
  };
}

/** a Deployment of 3 whose controller observed generation 2; counts overridden per row */
function settled(counts: Partial<DeploymentStatus>, reason = 'NewReplicaSetAvailable'): DeploymentStatus {
  return {
    observedGeneration: 2,
    replicas: 3,
    updatedReplicas: 3,
    readyReplicas: 3,
    availableReplicas: 3,
    conditions: [available, progressing(reason)],
    ...counts,
  };
}

describe('Deployment status', () => {
  it.each<[string, WorkloadStatus, Deployment]>([
    ['zero replicas desired', 'SCALED_DOWN', deployment({ replicas: 0 }, settled({ replicas: 0, updatedReplicas: 0, readyReplicas: 0, availableReplicas: 0 }))],
    ['zero desired while old pods still terminate', 'SCALED_DOWN', deployment({ replicas: 0 }, settled({ replicas: 2, updatedReplicas: 0 }))],
    ['zero desired, paused', 'SCALED_DOWN', deployment({ replicas: 0, paused: true }, settled({}))],
    ['paused mid-rollout', 'PAUSED', deployment({ replicas: 3, paused: true }, settled({ updatedReplicas: 1, replicas: 4 }, 'DeploymentPaused'))],
    ['just created, never observed', 'PROGRESSING', deployment({ replicas: 3, generation: 1 })],
    ['new spec not yet observed', 'PROGRESSING', deployment({ replicas: 3, generation: 3 }, settled({}))],
    ['deadline exceeded', 'FAILED', deployment({ replicas: 3 }, settled({ updatedReplicas: 1, replicas: 4, availableReplicas: 3 }, 'ProgressDeadlineExceeded'))],
    ['deadline exceeded, then a new spec not yet observed', 'PROGRESSING', deployment({ replicas: 3, generation: 3 }, settled({ updatedReplicas: 1 }, 'ProgressDeadlineExceeded'))],
    ['new pods still to come', 'PROGRESSING', deployment({ replicas: 3 }, settled({ updatedReplicas: 1, replicas: 4 }, 'ReplicaSetUpdated'))],
    ['old pods pending termination', 'PROGRESSING', deployment({ replicas: 3 }, settled({ replicas: 4 }, 'ReplicaSetUpdated'))],
    ['updated pods not yet available', 'PROGRESSING', deployment({ replicas: 3 }, settled({ readyReplicas: 2, availableReplicas: 2 }, 'ReplicaSetUpdated'))],
    [
      'updated pods not yet available, no Progressing condition (kubectl)',
      'PROGRESSING',
      deployment({ replicas: 3 }, { ...settled({ readyReplicas: 2, availableReplicas: 2 }), conditions: [available] }),
    ],
    ['rollout completed, a pod lost since', 'DEGRADED', deployment({ replicas: 3 }, settled({ readyReplicas: 2, availableReplicas: 2 }))],
    ['rollout completed, a pod ready but within minReadySeconds', 'PROGRESSING', deployment({ replicas: 3 }, settled({ availableReplicas: 2 }))],
    ['every replica updated and available', 'AVAILABLE', deployment({ replicas: 3 }, settled({}))],
    ['replicas unset: the API default of 1', 'AVAILABLE', deployment({}, settled({ replicas: 1, updatedReplicas: 1, readyReplicas: 1, availableReplicas: 1 }))],
  ])('%s → %s', (_, expected, d) => {
    expect(workloadStatus('DEPLOYMENT', d)).toBe(expected);
  });
});

function statefulSet(
  opts: { replicas?: number; generation?: number; strategy?: 'OnDelete' | 'RollingUpdate'; partition?: number },
  status?: Partial<StatefulSetStatus>,
): StatefulSet {
  const { replicas = 3, generation = 2, strategy = 'RollingUpdate', partition } = opts;
  return {
    metadata: { name: 'postgres', namespace: 'acme-production', generation },
    spec: {
      replicas,
      serviceName: 'postgres',
      selector: { matchLabels: { app: 'x' } },
      template,
      updateStrategy: strategy === 'OnDelete' ? { type: 'OnDelete' } : { type: 'RollingUpdate', rollingUpdate: { partition } },
    },
    status: status && {
      observedGeneration: 2,
      replicas,
      readyReplicas: replicas,
      availableReplicas: replicas,
      currentReplicas: replicas,
      updatedReplicas: replicas,
      currentRevision: 'postgres-5d8f7c9b6',
      updateRevision: 'postgres-5d8f7c9b6',
      ...status,
    },
  };
}

describe('StatefulSet status', () => {
  const rolling = { currentRevision: 'postgres-5d8f7c9b6', updateRevision: 'postgres-7f6d4b8c5' };
  it.each<[string, WorkloadStatus, StatefulSet]>([
    ['zero replicas desired', 'SCALED_DOWN', statefulSet({ replicas: 0 }, {})],
    ['never observed (observedGeneration 0)', 'PROGRESSING', statefulSet({}, { observedGeneration: 0 })],
    ['no status yet', 'PROGRESSING', statefulSet({})],
    ['new spec not yet observed', 'PROGRESSING', statefulSet({ generation: 3 }, {})],
    ['pods still being created', 'PROGRESSING', statefulSet({}, { replicas: 2, readyReplicas: 2, availableReplicas: 2, updatedReplicas: 2 })],
    ['rolling update, revisions differ', 'PROGRESSING', statefulSet({}, { ...rolling, updatedReplicas: 1, currentReplicas: 2 })],
    ['rolling update, every pod updated, last one not ready (revision not yet current)', 'PROGRESSING', statefulSet({}, { ...rolling, readyReplicas: 2 })],
    ['partition 2 of 3, one pod updated: done', 'AVAILABLE', statefulSet({ partition: 2 }, { ...rolling, updatedReplicas: 1, currentReplicas: 2 })],
    ['partition 1 of 3, one pod updated', 'PROGRESSING', statefulSet({ partition: 1 }, { ...rolling, updatedReplicas: 1, currentReplicas: 2 })],
    ['OnDelete with pods at an old revision', 'AVAILABLE', statefulSet({ strategy: 'OnDelete' }, { ...rolling, updatedReplicas: 0 })],
    ['partition 0, fewer pods at the update revision', 'PROGRESSING', statefulSet({ partition: 0 }, { updatedReplicas: 2 })],
    ['every pod current, one not ready', 'DEGRADED', statefulSet({}, { readyReplicas: 2, availableReplicas: 2 })],
    ['every pod ready, one within minReadySeconds', 'PROGRESSING', statefulSet({}, { availableReplicas: 2 })],
    ['every pod current and available', 'AVAILABLE', statefulSet({}, {})],
  ])('%s → %s', (_, expected, sts) => {
    expect(workloadStatus('STATEFULSET', sts)).toBe(expected);
  });
});

function daemonSet(opts: { generation?: number; strategy?: 'OnDelete' | 'RollingUpdate' }, status?: Partial<DaemonSetStatus>): DaemonSet {
  const { generation = 2, strategy = 'RollingUpdate' } = opts;
  return {
    metadata: { name: 'node-exporter', namespace: 'monitoring', generation },
    spec: { selector: { matchLabels: { app: 'x' } }, template, updateStrategy: { type: strategy } },
    status: status && {
      observedGeneration: 2,
      desiredNumberScheduled: 4,
      currentNumberScheduled: 4,
      updatedNumberScheduled: 4,
      numberReady: 4,
      numberAvailable: 4,
      numberMisscheduled: 0,
      ...status,
    },
  };
}

describe('DaemonSet status', () => {
  it.each<[string, WorkloadStatus, DaemonSet]>([
    ['no status yet: desired unknown, not zero', 'PROGRESSING', daemonSet({})],
    ['new spec not yet observed', 'PROGRESSING', daemonSet({ generation: 3 }, {})],
    ['no node to run on', 'SCALED_DOWN', daemonSet({}, { desiredNumberScheduled: 0, currentNumberScheduled: 0, updatedNumberScheduled: 0, numberReady: 0, numberAvailable: 0 })],
    ['pods still being placed', 'PROGRESSING', daemonSet({}, { currentNumberScheduled: 3, updatedNumberScheduled: 3, numberReady: 3, numberAvailable: 3 })],
    ['rolling update under way', 'PROGRESSING', daemonSet({}, { updatedNumberScheduled: 2, numberReady: 3, numberAvailable: 3 })],
    ['OnDelete with old pods', 'AVAILABLE', daemonSet({ strategy: 'OnDelete' }, { updatedNumberScheduled: 0 })],
    ['every pod updated, one not ready', 'DEGRADED', daemonSet({}, { numberReady: 3, numberAvailable: 3, numberUnavailable: 1 })],
    ['every pod ready, one within minReadySeconds', 'PROGRESSING', daemonSet({}, { numberAvailable: 3, numberUnavailable: 1 })],
    ['every pod updated and available', 'AVAILABLE', daemonSet({}, {})],
  ])('%s → %s', (_, expected, ds) => {
    expect(workloadStatus('DAEMONSET', ds)).toBe(expected);
  });
});
