import { judgeReboot, judgeRollout } from '../../src/operations/rollout-status.js';

const deployment = (spec: { replicas?: number; generation?: number }, status: Record<string, unknown>) => ({
  metadata: { generation: spec.generation ?? 2 },
  spec: { replicas: spec.replicas ?? 3, selector: {}, template: {} },
  status,
});

describe('judgeRollout (Deployments)', () => {
  const done = { observedGeneration: 2, replicas: 3, updatedReplicas: 3, readyReplicas: 3, availableReplicas: 3 };
  it.each([
    ['complete', done, 'complete'],
    ['the change not yet observed', { ...done, observedGeneration: 1 }, 'waiting'],
    ['replicas still to update', { ...done, updatedReplicas: 2 }, 'waiting'],
    ['old replicas left', { ...done, replicas: 4 }, 'waiting'],
    ['updated replicas not yet available', { ...done, availableReplicas: 2 }, 'waiting'],
    ['updated replicas not yet ready', { ...done, readyReplicas: 2 }, 'waiting'],
    ['past its progress deadline', { ...done, updatedReplicas: 1, conditions: [{ type: 'Progressing', status: 'False', reason: 'ProgressDeadlineExceeded' }] }, 'failed'],
  ])('%s', (_name, status, phase) => {
    expect(judgeRollout('Deployment', deployment({}, status)).phase).toBe(phase);
  });

  it('counts a Deployment scaled to zero as complete', () => {
    expect(judgeRollout('Deployment', deployment({ replicas: 0 }, { observedGeneration: 2 })).phase).toBe('complete');
  });
});

describe('judgeRollout (StatefulSets and DaemonSets)', () => {
  it('waits for a StatefulSet until the update revision is current', () => {
    const sts = (currentRevision: string) => ({
      metadata: { generation: 1 },
      spec: { replicas: 2, selector: {}, serviceName: 'x', template: {} },
      status: { observedGeneration: 1, replicas: 2, updatedReplicas: 2, readyReplicas: 2, availableReplicas: 2, currentRevision, updateRevision: 'b' },
    });
    expect(judgeRollout('StatefulSet', sts('a')).phase).toBe('waiting');
    expect(judgeRollout('StatefulSet', sts('b')).phase).toBe('complete');
  });

  it('waits for a DaemonSet until every node runs the new pod', () => {
    const ds = (updated: number) => ({
      metadata: { generation: 1 },
      spec: { selector: {}, template: {} },
      status: { observedGeneration: 1, desiredNumberScheduled: 3, currentNumberScheduled: 3, numberMisscheduled: 0, updatedNumberScheduled: updated, numberReady: 3, numberAvailable: 3 },
    });
    expect(judgeRollout('DaemonSet', ds(2)).phase).toBe('waiting');
    expect(judgeRollout('DaemonSet', ds(3)).phase).toBe('complete');
  });
});

describe('judgeReboot', () => {
  const node = (ready: string, annotations: Record<string, string> = {}) => ({ metadata: { annotations }, status: { conditions: [{ type: 'Ready', status: ready }] } });
  it.each([
    ['asked, not started', node('True', { 'x/reboot': 't' }), 'requested'],
    ['down', node('False'), 'down'],
    ['stopped reporting', node('Unknown'), 'down'],
    ['back', node('True'), 'back'],
  ])('%s', (_name, n, phase) => {
    expect(judgeReboot(n, 'x/reboot')).toBe(phase);
  });
});
