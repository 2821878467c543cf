import type { KubeObjects } from '../../src/kube/index.js';
import { fromGlobalId } from '../../src/model/ids.js';
import { daemonSetRecord, deploymentRecord, imageRefOf, isWorkloadKind, statefulSetRecord, workloadRecord } from '../../src/model/workload.js';

type Deployment = KubeObjects['Deployment'];
type StatefulSet = KubeObjects['StatefulSet'];
type DaemonSet = KubeObjects['DaemonSet'];

const createdAt = new Date('2026-09-01T00:00:00Z');
const podTemplate = (...images: string[]) => ({
  metadata: { labels: { app: 'api' } },
  spec: { containers: images.map((image, i) => ({ name: i === 0 ? 'main' : `side-${i}`, image })) },
});

const api: Deployment = {
  metadata: {
    name: 'api',
    namespace: 'acme-production',
    uid: 'd-1',
    generation: 4,
    creationTimestamp: createdAt,
    labels: { app: 'api', tier: 'backend' },
    annotations: { 'deployment.kubernetes.io/revision': '3' },
  },
  spec: {
    replicas: 3,
    selector: { matchLabels: { app: 'api' }, matchExpressions: [{ key: 'tier', operator: 'In', values: ['backend', 'api'] }] },
    template: podTemplate('acme/api:1.4.2_17_a1b2c3d4', 'envoyproxy/envoy:v1.31.0'),
  },
  status: { observedGeneration: 4, replicas: 3, updatedReplicas: 3, readyReplicas: 3, availableReplicas: 2 },
};

describe('deploymentRecord', () => {
  const record = deploymentRecord('prod-eu', api);

  it('names and identifies the workload', () => {
    expect(record).toMatchObject({ kind: 'Workload', workloadKind: 'DEPLOYMENT', cluster: 'prod-eu', namespace: 'acme-production', name: 'api', uid: 'd-1', createdAt });
    expect(fromGlobalId(record.id)).toEqual({ type: 'Workload', parts: ['prod-eu', 'acme-production', 'DEPLOYMENT', 'api'] });
  });

  it('counts replicas from spec and status, and reads the revision annotation', () => {
    expect(record).toMatchObject({ replicas: 3, readyReplicas: 3, updatedReplicas: 3, availableReplicas: 2, paused: false, revision: 3 });
  });

  it('renders the selector as canonical label-selector text', () => {
    expect(record.selector).toBe('app=api,tier in (api,backend)');
  });

  it('parses each container image', () => {
    expect(record.containers.map((c) => [c.name, c.image, c.imageRef.imageName, c.imageRef.version, c.imageRef.commit])).toEqual([
      ['main', 'acme/api:1.4.2_17_a1b2c3d4', 'api', '1.4.2', 'a1b2c3d4'],
      ['side-1', 'envoyproxy/envoy:v1.31.0', 'envoy', '1.31.0', null],
    ]);
  });

  it.each([
    ['no annotation', undefined, null],
    ['not a number', 'three', null],
    ['beyond GraphQL Int', '99999999999', null],
  ])('has a null revision with %s', (_, revision, expected) => {
    const d: Deployment = { ...api, metadata: { ...api.metadata, annotations: revision === undefined ? {} : { 'deployment.kubernetes.io/revision': revision } } };
    expect(deploymentRecord('c', d).revision).toBe(expected);
  });

  it('defaults replicas to 1 and counts missing status fields as 0', () => {
    const bare: Deployment = { metadata: { name: 'x', namespace: 'n' }, spec: { selector: {}, template: podTemplate() } };
    expect(deploymentRecord('c', bare)).toMatchObject({ replicas: 1, readyReplicas: 0, updatedReplicas: 0, availableReplicas: 0, selector: '', containers: [], createdAt: null, uid: '' });
  });

  it('keeps a workload whose image does not parse, with what is certain about it', () => {
    const broken: Deployment = { ...api, spec: { ...api.spec!, template: podTemplate('Acme/API:1.0', '') } };
    const [upper, empty] = deploymentRecord('c', broken).containers;
    expect(upper!.imageRef).toEqual({
      spec: 'Acme/API:1.0',
      registry: null,
      imageOwner: null,
      imageName: 'Acme/API:1.0',
      tag: '',
      digest: null,
      owner: null,
      repo: null,
      branch: null,
      fullVersion: null,
      version: null,
      prerelease: null,
      build: null,
      commit: null,
    });
    expect(empty!.imageRef).toMatchObject({ spec: '', imageName: '', tag: '' });
  });

  it('renders a selector that does not validate as empty rather than failing', () => {
    const odd: Deployment = { ...api, spec: { ...api.spec!, selector: { matchExpressions: [{ key: 'a', operator: 'Near' }] } } };
    expect(deploymentRecord('c', odd).selector).toBe('');
  });

  it('reports paused', () => {
    expect(deploymentRecord('c', { ...api, spec: { ...api.spec!, paused: true } })).toMatchObject({ paused: true, status: 'PAUSED' });
  });
});

describe('statefulSetRecord', () => {
  const sts: StatefulSet = {
    metadata: { name: 'postgres', namespace: 'acme-production', uid: 's-1', generation: 2, creationTimestamp: createdAt },
    spec: { replicas: 2, serviceName: 'postgres', selector: { matchLabels: { app: 'postgres' } }, template: podTemplate('postgres:16.4-alpine') },
    status: { observedGeneration: 2, replicas: 2, readyReplicas: 2, availableReplicas: 1, updatedReplicas: 2, currentRevision: 'postgres-1', updateRevision: 'postgres-1' },
  };

  it('counts its replicas and has no revision number', () => {
    expect(statefulSetRecord('prod-us', sts)).toMatchObject({
      workloadKind: 'STATEFULSET',
      replicas: 2,
      readyReplicas: 2,
      updatedReplicas: 2,
      availableReplicas: 1,
      paused: false,
      revision: null,
      selector: 'app=postgres',
    });
  });
});

describe('daemonSetRecord', () => {
  const ds: DaemonSet = {
    metadata: { name: 'node-exporter', namespace: 'monitoring', uid: 'ds-1', generation: 5, annotations: { 'deprecated.daemonset.template.generation': '2' } },
    spec: { selector: { matchLabels: { app: 'node-exporter' } }, template: podTemplate('quay.io/prometheus/node-exporter:v1.8.2') },
    status: { observedGeneration: 5, desiredNumberScheduled: 4, currentNumberScheduled: 4, updatedNumberScheduled: 3, numberReady: 4, numberAvailable: 4, numberMisscheduled: 0 },
  };

  it('counts nodes as replicas and reads the template generation as its revision', () => {
    expect(daemonSetRecord('staging', ds)).toMatchObject({
      workloadKind: 'DAEMONSET',
      replicas: 4,
      readyReplicas: 4,
      updatedReplicas: 3,
      availableReplicas: 4,
      revision: 2,
      status: 'PROGRESSING',
    });
  });

  it('falls back to the generation without the annotation', () => {
    expect(daemonSetRecord('staging', { ...ds, metadata: { ...ds.metadata, annotations: {} } }).revision).toBe(5);
  });

  it('desires nothing before the controller has looked', () => {
    expect(daemonSetRecord('staging', { ...ds, status: undefined })).toMatchObject({ replicas: 0, status: 'PROGRESSING' });
  });
});

describe('workloadRecord', () => {
  it('dispatches on the kind it is given', () => {
    expect(workloadRecord('c', 'DEPLOYMENT', api)).toEqual(deploymentRecord('c', api));
  });

  it.each([
    ['DEPLOYMENT', true],
    ['STATEFULSET', true],
    ['DAEMONSET', true],
    ['Deployment', false],
    ['POD', false],
  ])('knows whether %s is a workload kind', (kind, expected) => {
    expect(isWorkloadKind(kind)).toBe(expected);
  });
});

describe('imageRefOf', () => {
  it('is parseImage for a reference that parses', () => {
    expect(imageRefOf('nginx:1.27-alpine')).toMatchObject({ imageOwner: 'library', imageName: 'nginx', tag: '1.27-alpine' });
  });
});
