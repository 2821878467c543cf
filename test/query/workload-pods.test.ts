// Which pods a workload owns, from recorded reads: by controller ownerReference, through
// ReplicaSets for a Deployment, from the workload's namespace only.
import { ClusterErrors } from '../../src/errors/index.js';
import type { KubeKind, KubeObjects } from '../../src/kube/index.js';
import type { FleetReader } from '../../src/loaders/index.js';
import { deploymentRecord, statefulSetRecord } from '../../src/model/workload.js';
import { workloadPods } from '../../src/query/workload-pods.js';

type Call = [kind: KubeKind, namespace: string | undefined];

const owner = (uid: string, controller = true) => ({ apiVersion: 'apps/v1', kind: 'X', name: uid, uid, controller });
const template = { spec: { containers: [{ name: 'c', image: 'acme/c:1' }] } };

const api: KubeObjects['Deployment'] = { metadata: { name: 'api', namespace: 'prod', uid: 'dep-api' }, spec: { selector: {}, template } };
const db: KubeObjects['StatefulSet'] = { metadata: { name: 'db', namespace: 'prod', uid: 'sts-db' }, spec: { selector: {}, serviceName: 'db', template } };

const replicaSets: KubeObjects['ReplicaSet'][] = [
  { metadata: { name: 'api-new', namespace: 'prod', uid: 'rs-new', ownerReferences: [owner('dep-api')] }, spec: { selector: {} } },
  { metadata: { name: 'api-old', namespace: 'prod', uid: 'rs-old', ownerReferences: [owner('dep-api')] }, spec: { selector: {} } },
  { metadata: { name: 'other', namespace: 'prod', uid: 'rs-other', ownerReferences: [owner('dep-other')] }, spec: { selector: {} } },
];
const pod = (name: string, ...ownerReferences: ReturnType<typeof owner>[]): KubeObjects['Pod'] => ({ metadata: { name, namespace: 'prod', ownerReferences } });
const pods = [
  pod('api-new-b', owner('rs-new')),
  pod('api-old-a', owner('rs-old')),
  pod('api-new-a', owner('rs-new')),
  pod('other-a', owner('rs-other')),
  pod('db-1', owner('sts-db')),
  pod('db-0', owner('sts-db')),
  pod('adopted-not', owner('sts-db', false)),
  pod('bare'),
];

function recordingReader(): [FleetReader, Call[]] {
  const calls: Call[] = [];
  const lists: { [K in KubeKind]?: readonly KubeObjects[K][] } = { Pod: pods, ReplicaSet: replicaSets };
  const list = <K extends KubeKind>(_cluster: string, kind: K, namespace?: string): Promise<readonly KubeObjects[K][]> => {
    calls.push([kind, namespace]);
    // The same array for the same list, as the request's reader gives.
    return Promise.resolve(lists[kind] ?? []);
  };
  return [{ list, get: () => Promise.resolve(undefined) }, calls];
}

describe('workloadPods', () => {
  it("finds a Deployment's pods through every ReplicaSet it controls, sorted by name", async () => {
    const [reader, calls] = recordingReader();
    const found = await workloadPods({ reader, clusterErrors: new ClusterErrors() }, deploymentRecord('c', api));
    expect(found.map((p) => p.name)).toEqual(['api-new-a', 'api-new-b', 'api-old-a']);
    expect(found[0]).toMatchObject({ kind: 'Pod', cluster: 'c', namespace: 'prod', ownerUid: 'rs-new' });
    expect(calls).toEqual([
      ['Pod', 'prod'],
      ['ReplicaSet', 'prod'],
    ]);
  });

  it("finds a StatefulSet's own pods, not those it merely references, without listing ReplicaSets", async () => {
    const [reader, calls] = recordingReader();
    const found = await workloadPods({ reader, clusterErrors: new ClusterErrors() }, statefulSetRecord('c', db));
    expect(found.map((p) => p.name)).toEqual(['db-0', 'db-1']);
    expect(calls).toEqual([['Pod', 'prod']]);
  });

  it('finds nothing for a workload without a uid', async () => {
    const [reader, calls] = recordingReader();
    const found = await workloadPods({ reader, clusterErrors: new ClusterErrors() }, statefulSetRecord('c', { ...db, metadata: { ...db.metadata, uid: undefined } }));
    expect(found).toEqual([]);
    expect(calls).toEqual([]);
  });
});
