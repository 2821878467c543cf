// Server-side printing, unit by unit: each kind's columns and cells as the Kubernetes API
// server's printers make them, ages on an injected clock, and includeObject.
import { SimError } from '../../src/sim/errors.js';
import type { KubeObject } from '../../src/sim/objects.js';
import { resourceByKind, type ResourceType } from '../../src/sim/resources.js';
import { humanDuration } from '../../src/sim/api/printers/index.js';
import { nodeRoles, nodeStatus } from '../../src/sim/api/printers/node.js';
import { renderList, renderObject } from '../../src/sim/api/table.js';

const NOW = Date.UTC(2026, 0, 10, 12, 0, 0);
const now = () => NOW;
/** an RFC 3339 timestamp `ms` before NOW */
const ago = (ms: number) => new Date(NOW - ms).toISOString().replace('.000', '');
const S = 1000;
const M = 60 * S;
const H = 60 * M;
const D = 24 * H;

const query = (params: Record<string, string> = {}) => new URLSearchParams(params);
const meta = (name: string, extra: Partial<KubeObject['metadata']> = {}) => ({ name, namespace: 'ns', creationTimestamp: ago(5 * M), resourceVersion: '7', ...extra });

/** the single row's cells keyed by column name */
function cellsOf(kind: string, obj: KubeObject): Record<string, unknown> {
  const table = renderObject(resourceByKind(kind), obj, query(), now);
  return Object.fromEntries(table.columnDefinitions.map((c, i) => [c.name, table.rows[0]!.cells[i]]));
}

describe('humanDuration', () => {
  it.each([
    [-2500, '<invalid>'],
    [-1500, '0s'],
    [0, '0s'],
    [45 * S, '45s'],
    [119 * S, '119s'],
    [120 * S, '2m'],
    [3 * M + 20 * S, '3m20s'],
    [9 * M + 59 * S, '9m59s'],
    [10 * M + 30 * S, '10m'],
    [179 * M, '179m'],
    [3 * H, '3h'],
    [3 * H + 5 * M, '3h5m'],
    [8 * H + 5 * M, '8h'],
    [47 * H, '47h'],
    [2 * D, '2d'],
    [2 * D + 3 * H, '2d3h'],
    [8 * D + 3 * H, '8d'],
    [729 * D, '729d'],
    [730 * D, '2y'],
    [740 * D, '2y10d'],
    [8 * 365 * D + 40 * D, '8y'],
  ])('%d ms is %s', (ms, text) => {
    expect(humanDuration(ms)).toBe(text);
  });
});

describe('column definitions', () => {
  it.each([
    ['Node', 'Name Status Roles Age Version', 'Internal-IP External-IP OS-Image Kernel-Version Container-Runtime'],
    ['Pod', 'Name Ready Status Restarts Age', 'IP Node Nominated_Node Readiness_Gates'],
    ['Deployment', 'Name Ready Up-to-date Available Age', 'Containers Images Selector'],
    ['ReplicaSet', 'Name Desired Current Ready Age', 'Containers Images Selector'],
    ['StatefulSet', 'Name Ready Age', 'Containers Images'],
    ['DaemonSet', 'Name Desired Current Ready Up-to-date Available Node_Selector Age', 'Containers Images Selector'],
    ['Namespace', 'Name Status Age', ''],
    ['Secret', 'Name Type Data Age', ''],
    ['ControllerRevision', 'Name Controller Revision Age', ''],
  ])('%s: %s, and with -o wide %s', (kind, columns, wide) => {
    const names = (text: string) => text.split(' ').filter(Boolean).map((n) => n.replace('_', ' '));
    const defs = renderList(resourceByKind(kind), { items: [], metadata: {} }, query(), now).columnDefinitions;
    expect(defs.filter((d) => d.priority === 0).map((d) => d.name)).toEqual(names(columns));
    expect(defs.filter((d) => d.priority === 1).map((d) => d.name)).toEqual(names(wide));
    expect(defs.every((d) => d.description.length > 0 && (d.format === 'name') === (d.name === 'Name'))).toBe(true);
  });

  it('orders event columns with the wide ones among the rest, as the API server does', () => {
    const defs = renderList(resourceByKind('Event'), { items: [], metadata: {} }, query(), now).columnDefinitions;
    expect(defs.map((d) => `${d.name}:${d.priority}`)).toEqual([
      'Last Seen:0',
      'Type:0',
      'Reason:0',
      'Object:0',
      'Subobject:1',
      'Source:1',
      'Message:0',
      'First Seen:1',
      'Count:1',
      'Name:1',
    ]);
  });

  it('declares integer columns where the API server does', () => {
    const types = (kind: string) => renderList(resourceByKind(kind), { items: [], metadata: {} }, query(), now).columnDefinitions.map((d) => d.type);
    expect(types('ReplicaSet')).toEqual(['string', 'integer', 'integer', 'integer', 'string', 'string', 'string', 'string']);
    expect(types('Deployment').every((t) => t === 'string')).toBe(true);
  });
});

describe('pods', () => {
  type Status = Record<string, unknown>;
  const container = (name: string, state: Status, extra: Status = {}) => ({ name, ready: false, restartCount: 0, state, ...extra });
  const running = (name = 'app', extra: Status = {}) => container(name, { running: { startedAt: ago(M) } }, { ready: true, started: true, ...extra });
  const waiting = (reason: string, name = 'app') => container(name, { waiting: { reason } });
  const terminated = (t: Status, name = 'app') => container(name, { terminated: { exitCode: 0, ...t } });
  const readyCondition = { type: 'Ready', status: 'True' };
  function pod(status: Status, spec: Status = {}, extra: Partial<KubeObject['metadata']> = {}): KubeObject {
    return { metadata: meta('p', extra), spec: { containers: [{ name: 'app' }], nodeName: 'node-1', ...spec }, status };
  }
  const init = [{ name: 'migrate' }, { name: 'seed' }];
  const sidecar = [{ name: 'proxy', restartPolicy: 'Always' }];

  it.each([
    ['running and ready', pod({ phase: 'Running', containerStatuses: [running()], conditions: [readyCondition] }), '1/1', 'Running'],
    ['not scheduled yet', pod({ phase: 'Pending' }, { nodeName: undefined }), '0/1', 'Pending'],
    ['creating its containers', pod({ phase: 'Pending', containerStatuses: [waiting('ContainerCreating')] }), '0/1', 'ContainerCreating'],
    ['unable to pull its image', pod({ phase: 'Pending', containerStatuses: [waiting('ImagePullBackOff')] }), '0/1', 'ImagePullBackOff'],
    ['the first listed container names the status', pod({ phase: 'Running', containerStatuses: [waiting('ErrImagePull'), waiting('CrashLoopBackOff', 'b')] }, { containers: [{ name: 'app' }, { name: 'b' }] }), '0/2', 'ErrImagePull'],
    ['done', pod({ phase: 'Succeeded', containerStatuses: [terminated({ reason: 'Completed' })] }), '0/1', 'Completed'],
    ['crashed without a reason', pod({ phase: 'Running', containerStatuses: [terminated({ exitCode: 2 })] }), '0/1', 'ExitCode:2'],
    ['killed by a signal', pod({ phase: 'Running', containerStatuses: [terminated({ exitCode: 137, signal: 9 })] }), '0/1', 'Signal:9'],
    ['one completed, one still serving', pod({ phase: 'Running', conditions: [readyCondition], containerStatuses: [terminated({ reason: 'Completed' }), running('b')] }, { containers: [{ name: 'app' }, { name: 'b' }] }), '1/2', 'Running'],
    ['one completed, one running unready', pod({ phase: 'Running', containerStatuses: [terminated({ reason: 'Completed' }), running('b')] }, { containers: [{ name: 'app' }, { name: 'b' }] }), '1/2', 'NotReady'],
    ['evicted', pod({ phase: 'Failed', reason: 'Evicted' }), '0/1', 'Evicted'],
    ['scheduling gated', pod({ phase: 'Pending', conditions: [{ type: 'PodScheduled', status: 'False', reason: 'SchedulingGated' }] }), '0/1', 'SchedulingGated'],
    ['being deleted', pod({ phase: 'Running', containerStatuses: [running()] }, {}, { deletionTimestamp: ago(S) }), '1/1', 'Terminating'],
    ['deleted after its node was lost', pod({ phase: 'Running', reason: 'NodeLost' }, {}, { deletionTimestamp: ago(S) }), '0/1', 'Unknown'],
    ['deleted after it completed', pod({ phase: 'Succeeded', containerStatuses: [terminated({ reason: 'Completed' })] }, {}, { deletionTimestamp: ago(S) }), '0/1', 'Completed'],
    ['waiting for its init containers', pod({ phase: 'Pending', initContainerStatuses: [waiting('PodInitializing', 'migrate'), waiting('PodInitializing', 'seed')] }, { initContainers: init }), '0/1', 'Init:0/2'],
    ['past its first init container', pod({ phase: 'Pending', initContainerStatuses: [terminated({ reason: 'Completed' }, 'migrate'), container('seed', { running: {} })] }, { initContainers: init }), '0/1', 'Init:1/2'],
    ['with an init container that cannot pull', pod({ phase: 'Pending', initContainerStatuses: [waiting('ImagePullBackOff', 'migrate')] }, { initContainers: init }), '0/1', 'Init:ImagePullBackOff'],
    ['with a failed init container', pod({ phase: 'Pending', initContainerStatuses: [terminated({ exitCode: 1, reason: 'Error' }, 'migrate')] }, { initContainers: init }), '0/1', 'Init:Error'],
    ['with an init container that exited', pod({ phase: 'Pending', initContainerStatuses: [terminated({ exitCode: 3 }, 'migrate')] }, { initContainers: init }), '0/1', 'Init:ExitCode:3'],
    ['with a started sidecar', pod({ phase: 'Running', conditions: [{ type: 'Initialized', status: 'True' }, readyCondition], initContainerStatuses: [running('proxy')], containerStatuses: [running()] }, { initContainers: sidecar }), '2/2', 'Running'],
  ])('%s: READY %s, STATUS %s', (_what, p, ready, status) => {
    expect(cellsOf('Pod', p)).toMatchObject({ Ready: ready, Status: status });
  });

  it.each([
    ['no restarts', [running()], '0'],
    ['restarts of unknown time', [running('app', { restartCount: 2 })], '2'],
    ['restarts, the last 5m ago', [running('app', { restartCount: 3, lastState: { terminated: { exitCode: 1, finishedAt: ago(5 * M) } } })], '3 (5m ago)'],
    [
      'restarts summed over containers, timed by the newest',
      [running('app', { restartCount: 1, lastState: { terminated: { finishedAt: ago(H) } } }), running('b', { restartCount: 2, lastState: { terminated: { finishedAt: ago(90 * S) } } })],
      '3 (90s ago)',
    ],
  ])('RESTARTS with %s: %s', (_what, statuses, text) => {
    expect(cellsOf('Pod', pod({ phase: 'Running', containerStatuses: statuses }))).toMatchObject({ Restarts: text });
  });

  it('counts only sidecar restarts once initialized', () => {
    const migrated = container('migrate', { terminated: { exitCode: 0, reason: 'Completed' } }, { restartCount: 7 });
    const status = { phase: 'Running', conditions: [{ type: 'Initialized', status: 'True' }], initContainerStatuses: [migrated, running('proxy', { restartCount: 4 })], containerStatuses: [running('app', { restartCount: 1 })] };
    expect(cellsOf('Pod', pod(status, { initContainers: [{ name: 'migrate' }, ...sidecar] }))).toMatchObject({ Restarts: '5', Ready: '2/2' });
  });

  it('fills the wide cells from the pod', () => {
    const p = pod({ phase: 'Running', podIPs: [{ ip: '10.244.0.9' }], nominatedNodeName: 'node-2', conditions: [{ type: 'example.com/gate', status: 'True' }] }, { readinessGates: [{ conditionType: 'example.com/gate' }, { conditionType: 'other' }] });
    expect(cellsOf('Pod', p)).toMatchObject({ Name: 'p', Age: '5m', IP: '10.244.0.9', Node: 'node-1', 'Nominated Node': 'node-2', 'Readiness Gates': '1/2' });
    expect(cellsOf('Pod', pod({ phase: 'Pending' }, { nodeName: undefined }))).toMatchObject({ IP: '<none>', Node: '<none>', 'Nominated Node': '<none>', 'Readiness Gates': '<none>' });
  });

  it('marks pods that ran to completion', () => {
    const rowOf = (phase: string) => renderObject(resourceByKind('Pod'), pod({ phase }), query(), now).rows[0]!;
    expect(rowOf('Succeeded').conditions).toEqual([{ type: 'Completed', status: 'True', reason: 'Succeeded', message: 'The pod has completed successfully.' }]);
    expect(rowOf('Failed').conditions).toEqual([{ type: 'Completed', status: 'True', reason: 'Failed', message: 'The pod failed.' }]);
    expect(rowOf('Running')).not.toHaveProperty('conditions');
  });
});

describe('nodes', () => {
  const node = (conditions: unknown[], spec: object = {}, labels: Record<string, string> = {}): KubeObject => ({ metadata: { ...meta('n1'), namespace: undefined, labels }, spec, status: { conditions } });
  const ready = (status: string) => ({ type: 'Ready', status });

  it.each([
    ['Ready', node([{ type: 'MemoryPressure', status: 'False' }, ready('True')])],
    ['NotReady', node([ready('False')])],
    ['NotReady', node([ready('Unknown')])],
    ['Unknown', node([])],
    ['Ready,SchedulingDisabled', node([ready('True')], { unschedulable: true })],
    ['Unknown,SchedulingDisabled', node([], { unschedulable: true })],
  ])('STATUS %s', (status, n) => {
    expect(nodeStatus(n)).toBe(status);
  });

  it.each([
    [{ 'node-role.kubernetes.io/control-plane': '' }, 'control-plane'],
    [{ 'node-role.kubernetes.io/worker': '', 'node-role.kubernetes.io/etcd': 'true', 'node-role.kubernetes.io/': '' }, 'etcd,worker'],
    [{ 'kubernetes.io/role': 'master', 'node-role.kubernetes.io/master': '' }, 'master'],
    [{ 'kubernetes.io/role': '' }, '<none>'],
    [{}, '<none>'],
  ])('ROLES from %j: %s', (labels, roles) => {
    expect(nodeRoles(node([], {}, labels))).toBe(roles);
  });

  it('fills the cells from addresses and nodeInfo', () => {
    const n = node([ready('True')], {}, { 'node-role.kubernetes.io/worker': '' });
    n.status.addresses = [{ type: 'Hostname', address: 'n1' }, { type: 'InternalIP', address: '10.0.0.12' }, { type: 'ExternalIP', address: '34.1.2.3' }];
    n.status.nodeInfo = { kubeletVersion: 'v1.32.4', osImage: 'Ubuntu 24.04.1 LTS', kernelVersion: '6.8.0-45-generic', containerRuntimeVersion: 'containerd://1.7.22' };
    expect(Object.values(cellsOf('Node', n))).toEqual(['n1', 'Ready', 'worker', '5m', 'v1.32.4', '10.0.0.12', '34.1.2.3', 'Ubuntu 24.04.1 LTS', '6.8.0-45-generic', 'containerd://1.7.22']);
    expect(Object.values(cellsOf('Node', node([])))).toEqual(['n1', 'Unknown', '<none>', '5m', '', '<none>', '<none>', '<unknown>', '<unknown>', '<unknown>']);
  });
});

describe('workloads', () => {
  const template = { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image: 'acme/web:2.3.0' }, { name: 'proxy', image: 'envoy:1.31' }] } };
  const selector = { matchLabels: { app: 'web', tier: 'frontend' }, matchExpressions: [{ key: 'track', operator: 'NotIn', values: ['canary', 'beta'] }, { key: 'legacy', operator: 'DoesNotExist' }] };
  const workload = (spec: object, status: object = {}, extra: object = {}): KubeObject => ({ metadata: meta('web'), spec: { selector, template, ...spec }, status, ...extra });
  const sel = 'app=web,!legacy,tier=frontend,track notin (beta,canary)';

  it.each<[string, KubeObject, unknown[]]>([
    ['Deployment', workload({ replicas: 3 }, { replicas: 4, updatedReplicas: 3, readyReplicas: 2, availableReplicas: 2 }), ['web', '2/3', 3, 2, '5m', 'web,proxy', 'acme/web:2.3.0,envoy:1.31', sel]],
    ['Deployment', workload({ replicas: 0, selector: {} }), ['web', '0/0', 0, 0, '5m', 'web,proxy', 'acme/web:2.3.0,envoy:1.31', '']],
    ['Deployment', workload({ selector: { matchExpressions: [{ key: 'a', operator: 'Near' }] } }), ['web', '0/1', 0, 0, '5m', 'web,proxy', 'acme/web:2.3.0,envoy:1.31', '<invalid>']],
    ['ReplicaSet', workload({ replicas: 3 }, { replicas: 3, readyReplicas: 1 }), ['web', 3, 3, 1, '5m', 'web,proxy', 'acme/web:2.3.0,envoy:1.31', sel]],
    ['ReplicaSet', workload({ replicas: 1, selector: {} }), ['web', 1, 0, 0, '5m', 'web,proxy', 'acme/web:2.3.0,envoy:1.31', '<none>']],
    ['StatefulSet', workload({ replicas: 2 }, { readyReplicas: 1 }), ['web', '1/2', '5m', 'web,proxy', 'acme/web:2.3.0,envoy:1.31']],
    [
      'DaemonSet',
      workload({ template: { ...template, spec: { ...template.spec, nodeSelector: { 'kubernetes.io/os': 'linux', disk: 'ssd' } } } }, { desiredNumberScheduled: 3, currentNumberScheduled: 3, numberReady: 2, updatedNumberScheduled: 1, numberAvailable: 2 }),
      ['web', 3, 3, 2, 1, 2, 'disk=ssd,kubernetes.io/os=linux', '5m', 'web,proxy', 'acme/web:2.3.0,envoy:1.31', sel],
    ],
    ['DaemonSet', workload({}), ['web', 0, 0, 0, 0, 0, '<none>', '5m', 'web,proxy', 'acme/web:2.3.0,envoy:1.31', sel]],
  ])('%s cells', (kind, obj, cells) => {
    expect(Object.values(cellsOf(kind, obj))).toEqual(cells);
  });

  it.each([
    [{ apiVersion: 'apps/v1', kind: 'DaemonSet', name: 'node-exporter', uid: 'u', controller: true }, 'daemonset.apps/node-exporter'],
    [{ apiVersion: 'v1', kind: 'Pod', name: 'p', uid: 'u', controller: true }, 'pod/p'],
    [{ apiVersion: 'apps/v1', kind: 'StatefulSet', name: 'db', uid: 'u' }, '<none>'],
  ])('ControllerRevision owned by %j: CONTROLLER %s', (owner, controller) => {
    const rev: KubeObject = { metadata: meta('rev-1', { ownerReferences: [owner] }), revision: 2, data: {} };
    expect(Object.values(cellsOf('ControllerRevision', rev))).toEqual(['rev-1', controller, 2, '5m']);
  });
});

describe('namespaces, secrets and events', () => {
  it('prints a namespace’s phase and a secret’s type and key count', () => {
    expect(Object.values(cellsOf('Namespace', { metadata: meta('team-a'), status: { phase: 'Terminating' } }))).toEqual(['team-a', 'Terminating', '5m']);
    expect(Object.values(cellsOf('Secret', { metadata: meta('tls'), type: 'kubernetes.io/tls', data: { 'tls.crt': 'x', 'tls.key': 'y' } }))).toEqual(['tls', 'kubernetes.io/tls', 2, '5m']);
    expect(Object.values(cellsOf('Secret', { metadata: meta('empty'), type: 'Opaque' }))).toEqual(['empty', 'Opaque', 0, '5m']);
  });

  const event = (extra: object): KubeObject => ({
    metadata: meta('web-1.18ea'),
    involvedObject: { kind: 'Pod', name: 'web-1', fieldPath: 'spec.containers{web}' },
    type: 'Warning',
    reason: 'BackOff',
    message: '  Back-off pulling image "acme/web:9"\n',
    source: { component: 'kubelet', host: 'node-1' },
    ...extra,
  });

  it.each<[string, KubeObject, unknown[]]>([
    ['recorded the old way', event({ firstTimestamp: ago(10 * M), lastTimestamp: ago(30 * S), count: 12 }), ['30s', 'Warning', 'BackOff', 'pod/web-1', 'spec.containers{web}', 'kubelet, node-1', 'Back-off pulling image "acme/web:9"', '10m', 12, 'web-1.18ea']],
    ['recorded once, the new way', event({ eventTime: ago(45 * S), reportingComponent: 'kubelet', reportingInstance: 'node-2', source: {} }), ['45s', 'Warning', 'BackOff', 'pod/web-1', 'spec.containers{web}', 'kubelet, node-2', 'Back-off pulling image "acme/web:9"', '45s', 1, 'web-1.18ea']],
    ['in a series', event({ eventTime: ago(H), series: { count: 5, lastObservedTime: ago(2 * M) }, source: { component: 'kubelet' } }), ['2m', 'Warning', 'BackOff', 'pod/web-1', 'spec.containers{web}', 'kubelet', 'Back-off pulling image "acme/web:9"', '60m', 5, 'web-1.18ea']],
    ['about no named object', event({ involvedObject: { kind: 'Node' }, firstTimestamp: ago(S), lastTimestamp: ago(S), count: 1 }), ['1s', 'Warning', 'BackOff', 'node', '', 'kubelet, node-1', 'Back-off pulling image "acme/web:9"', '1s', 1, 'web-1.18ea']],
    ['never timed', event({}), ['<unknown>', 'Warning', 'BackOff', 'pod/web-1', 'spec.containers{web}', 'kubelet, node-1', 'Back-off pulling image "acme/web:9"', '<unknown>', 1, 'web-1.18ea']],
  ])('an event %s', (_what, ev, cells) => {
    expect(Object.values(cellsOf('Event', ev))).toEqual(cells);
  });

  it('prints a list of events oldest first, the untimed before all', () => {
    const items = [event({ metadata: meta('b'), lastTimestamp: ago(M) }), event({ metadata: meta('c') }), event({ metadata: meta('a'), lastTimestamp: ago(H) })];
    const table = renderList(resourceByKind('Event'), { items, metadata: {} }, query(), now);
    expect(table.rows.map((r) => r.cells[9])).toEqual(['c', 'a', 'b']);
    expect(items.map((e) => e.metadata.name)).toEqual(['b', 'c', 'a']);
  });
});

describe('tables', () => {
  const rt: ResourceType = resourceByKind('Deployment');
  const deploy: KubeObject = { metadata: meta('web', { labels: { app: 'web' } }), spec: { replicas: 1 } };
  // list items come without kind and apiVersion, as the list verb sends them
  const list = { items: [deploy], metadata: { resourceVersion: '42', continue: 'abc' } };

  it('wraps a list in a meta.k8s.io/v1 Table carrying the list’s metadata', () => {
    const table = renderList(rt, list, query(), now);
    expect(table).toMatchObject({ kind: 'Table', apiVersion: 'meta.k8s.io/v1', metadata: { resourceVersion: '42', continue: 'abc' } });
    expect(table.columnDefinitions[0]).toEqual({ name: 'Name', type: 'string', format: 'name', description: expect.stringContaining('Name must be unique'), priority: 0 });
  });

  it('gives a single object the object’s resourceVersion', () => {
    expect(renderObject(rt, deploy, query(), now).metadata).toEqual({ resourceVersion: '7' });
  });

  it.each([
    [{}, { kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata: deploy.metadata }],
    [{ includeObject: 'Metadata' }, { kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata: deploy.metadata }],
    [{ includeObject: 'Object' }, { apiVersion: 'apps/v1', kind: 'Deployment', ...deploy }],
    [{ includeObject: 'None' }, null],
  ])('embeds the object in each row for %j', (params, embedded) => {
    expect(renderList(rt, list, query(params), now).rows[0]!.object).toEqual(embedded);
  });

  it('rejects an unknown includeObject with 400 BadRequest', () => {
    let caught: unknown;
    try {
      renderList(rt, list, query({ includeObject: 'All' }), now);
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(SimError);
    expect(caught).toMatchObject({ code: 400, reason: 'BadRequest', message: 'unrecognized includeObject value: "All"' });
  });

  it('measures AGE against the clock it is given', () => {
    const age = (clock: () => number) => renderObject(rt, deploy, query(), clock).rows[0]!.cells[4];
    expect(age(now)).toBe('5m');
    expect(age(() => NOW + 2 * D)).toBe('2d');
  });

  it('prints kinds without a printer as the API server’s default table does', () => {
    const lease: ResourceType = { ...rt, kind: 'Lease', plural: 'leases' };
    const table = renderObject(lease, { metadata: meta('lock') }, query(), now);
    expect(table.columnDefinitions.map((d) => `${d.name}:${d.type}`)).toEqual(['Name:string', 'Created At:date']);
    expect(table.rows[0]!.cells).toEqual(['lock', ago(5 * M)]);
  });
});
