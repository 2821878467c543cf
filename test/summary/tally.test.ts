// The counting itself, on objects written out here: every dimension, the namespace filter
// (never hosts), zero rows, and phases beyond the API's five.
import type { KubeObjects } from '../../src/kube/index.js';
import { deploymentStatus, statefulSetStatus } from '../../src/model/workload-status.js';
import { createTally } from '../../src/summary/index.js';

const deployment = (namespace: string, replicas: number): KubeObjects['Deployment'] => ({
  metadata: { namespace, name: 'd', generation: 1 },
  spec: { replicas } as KubeObjects['Deployment']['spec'],
  status: { observedGeneration: 1, replicas, updatedReplicas: replicas, readyReplicas: replicas, availableReplicas: replicas },
});
const node = (ready: string, unschedulable = false): KubeObjects['Node'] => ({ metadata: { name: 'n' }, spec: { unschedulable }, status: { conditions: [{ type: 'Ready', status: ready }] } });
const pod = (namespace: string, phase: string | undefined, ready: boolean): KubeObjects['Pod'] => ({
  metadata: { namespace, name: 'p' },
  status: { phase, conditions: [{ type: 'Ready', status: ready ? 'True' : 'False' }] },
});

function counted(namespaces: string[] | null) {
  const tally = createTally({ namespaces });
  tally.cluster('eu');
  tally.workloads('eu', 'DEPLOYMENT', [deployment('shop', 2), deployment('shop', 0), deployment('ops', 1)], deploymentStatus);
  tally.workloads('eu', 'STATEFULSET', [], statefulSetStatus);
  tally.hosts('eu', [node('True'), node('True', true), node('False')]);
  tally.pods([pod('shop', 'Running', true), pod('shop', undefined, false), pod('ops', 'Evicted', false)]);
  tally.cluster('us'); // answered, holds nothing
  return tally.summary();
}

describe('a tally', () => {
  it('counts every dimension, every enum value and every cluster named, zeros included', () => {
    expect(counted(null)).toEqual({
      workloads: {
        total: 3,
        byStatus: [
          { status: 'AVAILABLE', count: 2 },
          { status: 'PROGRESSING', count: 0 },
          { status: 'PAUSED', count: 0 },
          { status: 'DEGRADED', count: 0 },
          { status: 'FAILED', count: 0 },
          { status: 'SCALED_DOWN', count: 1 },
        ],
        byKind: [
          { kind: 'DEPLOYMENT', count: 3 },
          { kind: 'STATEFULSET', count: 0 },
          { kind: 'DAEMONSET', count: 0 },
        ],
        byCluster: [
          { cluster: 'eu', count: 3 },
          { cluster: 'us', count: 0 },
        ],
        byNamespace: [
          { namespace: 'ops', count: 1 },
          { namespace: 'shop', count: 2 },
        ],
      },
      hosts: {
        total: 3,
        byStatus: [
          { status: 'ACTIVE', count: 1 },
          { status: 'CORDONED', count: 1 },
          { status: 'RESTARTING', count: 0 },
          { status: 'NOT_READY', count: 1 },
          { status: 'UNKNOWN', count: 0 },
        ],
        byCluster: [
          { cluster: 'eu', count: 3 },
          { cluster: 'us', count: 0 },
        ],
      },
      pods: {
        total: 3,
        ready: 1,
        notReady: 2,
        // a pod without a phase is Pending (as Pod.phase says); an unknown phase comes after the API's five
        byPhase: [
          { phase: 'Pending', count: 1 },
          { phase: 'Running', count: 1 },
          { phase: 'Succeeded', count: 0 },
          { phase: 'Failed', count: 0 },
          { phase: 'Unknown', count: 0 },
          { phase: 'Evicted', count: 1 },
        ],
      },
    });
  });

  it('counts workloads and pods of the namespaces given only, and every host', () => {
    const { workloads, hosts, pods } = counted(['shop']);
    expect([workloads.total, workloads.byNamespace, workloads.byCluster[0]]).toEqual([2, [{ namespace: 'shop', count: 2 }], { cluster: 'eu', count: 2 }]);
    expect(hosts.total).toBe(3);
    expect([pods.total, pods.ready, pods.byPhase.find((p) => p.phase === 'Evicted')]).toEqual([2, 1, undefined]);
  });
});
