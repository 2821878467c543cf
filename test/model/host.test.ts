import type { KubeObjects } from '../../src/kube/index.js';
import { hostAddress, hostRoles, hostStatus, REBOOT_REQUESTED_ANNOTATION, RESTART_OPERATION_ANNOTATION, toHostRecord } from '../../src/model/host.js';
import { fromGlobalId } from '../../src/model/ids.js';

type KubeNode = KubeObjects['Node'];

const at = new Date('2026-01-01T00:00:00Z');
const beat = new Date('2026-01-01T00:05:00Z');

interface NodeState {
  ready?: 'True' | 'False' | 'Unknown' | 'missing';
  unschedulable?: boolean;
  annotations?: Record<string, string>;
}

function node({ ready = 'True', unschedulable, annotations }: NodeState = {}): KubeNode {
  return {
    metadata: {
      name: 'node-1',
      labels: { 'kubernetes.io/os': 'linux', 'node-role.kubernetes.io/worker': '', 'node-role.kubernetes.io/control-plane': 'true' },
      annotations,
      creationTimestamp: at,
    },
    spec: unschedulable === undefined ? {} : { unschedulable },
    status: {
      capacity: { cpu: '4', memory: '16Gi', pods: '110' },
      addresses: [
        { type: 'Hostname', address: 'node-1' },
        { type: 'InternalIP', address: '10.0.0.1' },
      ],
      conditions: [
        { type: 'MemoryPressure', status: 'False', reason: 'KubeletHasSufficientMemory', lastHeartbeatTime: beat, lastTransitionTime: at },
        ...(ready === 'missing' ? [] : [{ type: 'Ready', status: ready, reason: 'KubeletReady', message: 'kubelet is posting ready status', lastHeartbeatTime: beat, lastTransitionTime: at }]),
      ],
      nodeInfo: {
        architecture: 'amd64',
        bootID: 'b',
        containerRuntimeVersion: 'containerd://1.7.22',
        kernelVersion: '6.8.0-45-generic',
        kubeProxyVersion: 'v1.32.4',
        kubeletVersion: 'v1.32.4',
        machineID: 'm',
        operatingSystem: 'linux',
        osImage: 'Ubuntu 24.04.1 LTS',
        systemUUID: 's',
      },
    },
  };
}

const requested = { [REBOOT_REQUESTED_ANNOTATION]: 'maintenance' };
const held = { [RESTART_OPERATION_ANNOTATION]: 'op-1' };

describe('hostStatus', () => {
  it.each<[string, NodeState, string]>([
    ['Ready and schedulable', {}, 'ACTIVE'],
    ['Ready, unschedulable: false', { unschedulable: false }, 'ACTIVE'],
    ['Ready and cordoned', { unschedulable: true }, 'CORDONED'],
    ['NotReady', { ready: 'False' }, 'NOT_READY'],
    ['NotReady and cordoned, by no operation', { ready: 'False', unschedulable: true }, 'NOT_READY'],
    ['Ready Unknown', { ready: 'Unknown' }, 'UNKNOWN'],
    ['without a Ready condition', { ready: 'missing' }, 'UNKNOWN'],
    ['asked to reboot while still Ready', { annotations: requested }, 'RESTARTING'],
    ['asked to reboot while cordoned', { unschedulable: true, annotations: requested }, 'RESTARTING'],
    ['drained by an operation and NotReady', { ready: 'False', unschedulable: true, annotations: held }, 'RESTARTING'],
    ['drained by an operation and silent', { ready: 'Unknown', unschedulable: true, annotations: held }, 'RESTARTING'],
    ['drained by an operation, reboot not yet asked', { unschedulable: true, annotations: held }, 'RESTARTING'],
    ['held by an operation, back Ready, not yet uncordoned', { unschedulable: true, annotations: held }, 'RESTARTING'],
    ['held by an operation, NotReady but schedulable', { ready: 'False', annotations: held }, 'NOT_READY'],
  ])('%s is %s', (_what, state, status) => {
    expect(hostStatus(node(state))).toBe(status);
  });
});

describe('hostRoles', () => {
  it.each([
    [{}, []],
    [{ 'node-role.kubernetes.io/worker': '', 'node-role.kubernetes.io/control-plane': '' }, ['control-plane', 'worker']],
    [{ 'node-role.kubernetes.io/': '', 'kubernetes.io/role': 'master', 'node-role.kubernetes.io/infra': 'true' }, ['infra']],
  ])('reads %j as %j', (labels, roles) => {
    expect(hostRoles(labels)).toEqual(roles);
  });
});

describe('hostAddress', () => {
  it.each([
    [[{ type: 'Hostname', address: 'h' }, { type: 'InternalIP', address: '10.0.0.1' }], '10.0.0.1'],
    [[{ type: 'ExternalIP', address: '1.2.3.4' }, { type: 'Hostname', address: 'h' }], '1.2.3.4'],
    [[], null],
  ])('picks from %j: %p', (addresses, address) => {
    expect(hostAddress({ status: { addresses } })).toBe(address);
  });
});

describe('toHostRecord', () => {
  it('maps every field of the contract', () => {
    const record = toHostRecord('prod-eu', node({ unschedulable: true }));
    expect(record).toEqual({
      kind: 'Host',
      id: expect.any(String),
      cluster: 'prod-eu',
      name: 'node-1',
      address: '10.0.0.1',
      status: 'CORDONED',
      ready: true,
      unschedulable: true,
      roles: ['control-plane', 'worker'],
      labels: { 'kubernetes.io/os': 'linux', 'node-role.kubernetes.io/worker': '', 'node-role.kubernetes.io/control-plane': 'true' },
      annotations: {},
      os: 'linux',
      osImage: 'Ubuntu 24.04.1 LTS',
      kernelVersion: '6.8.0-45-generic',
      kubeletVersion: 'v1.32.4',
      containerRuntime: 'containerd://1.7.22',
      cpus: 4,
      memoryBytes: 16 * 2 ** 30,
      lastHeartbeatAt: beat,
      conditions: [
        { type: 'MemoryPressure', status: 'False', reason: 'KubeletHasSufficientMemory', message: null, lastTransitionAt: at },
        { type: 'Ready', status: 'True', reason: 'KubeletReady', message: 'kubelet is posting ready status', lastTransitionAt: at },
      ],
      createdAt: at,
    });
    expect(fromGlobalId(record.id)).toEqual({ type: 'Host', parts: ['prod-eu', 'node-1'] });
  });

  it('leaves out what a bare node does not report', () => {
    const record = toHostRecord('c', { metadata: { name: 'bare' } });
    expect(record).toMatchObject({
      address: null,
      status: 'UNKNOWN',
      ready: false,
      unschedulable: false,
      roles: [],
      labels: {},
      os: null,
      cpus: null,
      memoryBytes: null,
      lastHeartbeatAt: null,
      conditions: [],
      createdAt: null,
    });
  });

  it('reads millicore capacity as whole CPUs', () => {
    const n = node();
    n.status!.capacity = { cpu: '8000m', memory: '1048576Ki' };
    expect(toHostRecord('c', n)).toMatchObject({ cpus: 8, memoryBytes: 2 ** 30 });
  });
});
