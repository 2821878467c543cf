import { evictablePods, imagePatch, imagesLanded, previousRevision, replicaSetAtRevision, restartLanded, restartPatch, runsTemplateOf, templateForRollback } from '../../src/operations/changes.js';

const deployment = {
  metadata: { uid: 'd1', annotations: { 'deployment.kubernetes.io/revision': '3' } },
  spec: { selector: {}, template: { metadata: { labels: { app: 'api' } }, spec: { containers: [{ name: 'api', image: 'acme/api:3' }] } } },
};
const rs = (revision: number, image: string, owner = 'd1') => ({
  metadata: { name: `api-${revision}`, annotations: { 'deployment.kubernetes.io/revision': String(revision) }, ownerReferences: [{ apiVersion: 'apps/v1', kind: 'Deployment', name: 'api', uid: owner, controller: true }] },
  spec: { selector: {}, template: { metadata: { labels: { app: 'api', 'pod-template-hash': `h${revision}` } }, spec: { containers: [{ name: 'api', image }] } } },
});
const replicaSets = [rs(1, 'acme/api:1'), rs(2, 'acme/api:2'), rs(3, 'acme/api:3'), rs(2, 'other', 'd2')];

describe('workload changes', () => {
  it('patches only the changed containers, by name', () => {
    expect(imagePatch([{ container: 'api', from: 'a:1', to: 'a:2' }])).toEqual({ spec: { template: { spec: { containers: [{ name: 'api', image: 'a:2' }] } } } });
  });

  it('tells a landed image change and a landed restart', () => {
    expect(imagesLanded(deployment, [{ container: 'api', from: 'acme/api:2', to: 'acme/api:3' }])).toBe(true);
    expect(imagesLanded(deployment, [{ container: 'api', from: 'acme/api:3', to: 'acme/api:4' }])).toBe(false);
    const restarted = { spec: { selector: {}, template: { metadata: { annotations: (restartPatch('2026-09-01T00:00:00Z') as { spec: { template: { metadata: { annotations: Record<string, string> } } } }).spec.template.metadata.annotations } } } };
    expect(restartLanded(restarted, '2026-09-01T00:00:00Z')).toBe(true);
    expect(restartLanded(deployment, '2026-09-01T00:00:00Z')).toBe(false);
  });
});

describe('rollback', () => {
  it('finds the deployment\'s own ReplicaSet at a revision, and the previous revision', () => {
    expect(replicaSetAtRevision(deployment, replicaSets, 2)?.spec?.template?.spec?.containers[0]?.image).toBe('acme/api:2');
    expect(replicaSetAtRevision(deployment, replicaSets, 7)).toBeUndefined();
    expect(previousRevision(deployment, replicaSets)).toBe(2);
  });

  it('writes back the template without the pod-template-hash label', () => {
    expect(templateForRollback(rs(2, 'acme/api:2')).metadata?.labels).toEqual({ app: 'api' });
    expect(runsTemplateOf(deployment, rs(3, 'acme/api:3'))).toBe(true);
    expect(runsTemplateOf(deployment, rs(2, 'acme/api:2'))).toBe(false);
  });
});

describe('evictablePods', () => {
  const pod = (name: string, extra: object = {}) => ({ metadata: { name, ...extra }, status: { phase: 'Running' } });
  it('leaves DaemonSet pods, mirror pods and finished pods alone', () => {
    const pods = [
      pod('app'),
      pod('ds', { ownerReferences: [{ apiVersion: 'apps/v1', kind: 'DaemonSet', name: 'x', uid: 'u', controller: true }] }),
      pod('mirror', { annotations: { 'kubernetes.io/config.mirror': 'abc' } }),
      { metadata: { name: 'done' }, status: { phase: 'Succeeded' } },
    ];
    expect(evictablePods(pods).map((p) => p.metadata?.name)).toEqual(['app']);
  });
});
