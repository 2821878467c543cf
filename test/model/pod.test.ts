import type { KubeObjects } from '../../src/kube/index.js';
import { fromGlobalId } from '../../src/model/ids.js';
import { toPodRecord } from '../../src/model/pod.js';

type KubePod = KubeObjects['Pod'];

const at = new Date('2026-01-01T00:00:00Z');

function pod(ready: string | undefined, restarts: number[], nodeName?: string): KubePod {
  return {
    metadata: {
      name: 'api-7d9c-x2x4q',
      namespace: 'acme-production',
      labels: { app: 'api' },
      creationTimestamp: at,
      ownerReferences: [
        { apiVersion: 'v1', kind: 'Node', name: 'n', uid: 'not-the-controller' },
        { apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'api-7d9c', uid: 'rs-uid', controller: true },
      ],
    },
    spec: {
      nodeName,
      containers: [
        { name: 'api', image: 'acme/api:1.2.0' },
        { name: 'proxy', image: 'envoyproxy/envoy:v1.31' },
      ],
    },
    status: {
      phase: 'Running',
      conditions: ready === undefined ? [] : [{ type: 'Ready', status: ready }],
      containerStatuses: restarts.map((restartCount, i) => ({ name: `c${i}`, image: 'x', imageID: 'y', ready: true, restartCount })),
    },
  };
}

describe('toPodRecord', () => {
  it('maps every field', () => {
    const record = toPodRecord('prod-eu', pod('True', [2, 3], 'node-2'));
    expect(record).toEqual({
      kind: 'Pod',
      id: expect.any(String),
      cluster: 'prod-eu',
      namespace: 'acme-production',
      name: 'api-7d9c-x2x4q',
      nodeName: 'node-2',
      phase: 'Running',
      ready: true,
      restarts: 5,
      images: ['acme/api:1.2.0', 'envoyproxy/envoy:v1.31'],
      labels: { app: 'api' },
      ownerUid: 'rs-uid',
      createdAt: at,
    });
    expect(fromGlobalId(record.id)).toEqual({ type: 'Pod', parts: ['prod-eu', 'acme-production', 'api-7d9c-x2x4q'] });
  });

  it.each([
    ['True', true],
    ['False', false],
    [undefined, false],
  ])('is ready only when its Ready condition is True (%p)', (status, ready) => {
    expect(toPodRecord('c', pod(status, [])).ready).toBe(ready);
  });

  it('knows an unscheduled, ownerless pod for what it is', () => {
    const record = toPodRecord('c', { metadata: { name: 'p', namespace: 'n' } });
    expect(record).toMatchObject({ nodeName: null, phase: 'Pending', ready: false, restarts: 0, images: [], ownerUid: null, createdAt: null });
  });
});
