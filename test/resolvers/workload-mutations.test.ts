// scaleWorkload, pauseWorkload, resumeWorkload, deployWorkload and deleteWorkload end to end
// against the demo fleet: the cluster's objects afterwards, and the workload as a client reads it.
import { PauseWorkloadDocument, ResumeWorkloadDocument, ScaleWorkloadDocument, WorkloadDocument, type WorkloadKind, type WorkloadQuery, type WorkloadRef } from '../../schema/generated/graphql.js';
import { resourceByKind } from '../../src/sim/resources.js';
import { startTestGateway, type TestGateway } from '../support/gateway.js';
import { waitFor } from '../support/kubectl.js';
import { storeSnapshot } from '../mutations/store-snapshot.js';

type WorkloadRow = NonNullable<WorkloadQuery['workload']>;

const FIELDS = 'name kind replicas readyReplicas status paused pods { phase ready }';
const SCALE = `mutation($w: WorkloadRef!, $r: Int!) { scaleWorkload(input: { workload: $w, replicas: $r }) { ${FIELDS} } }`;
const PAUSE = `mutation($w: WorkloadRef!) { pauseWorkload(workload: $w) { ${FIELDS} } }`;
const RESUME = `mutation($w: WorkloadRef!) { resumeWorkload(workload: $w) { ${FIELDS} } }`;
const DELETE = 'mutation($w: WorkloadRef!) { deleteWorkload(workload: $w) }';
const DEPLOY = `mutation($i: DeployWorkloadInput!) { deployWorkload(input: $i) { ${FIELDS} namespace cluster { name } environment { name } } }`;

const ref = (cluster: string, namespace: string, kind: WorkloadKind, name: string): WorkloadRef => ({ cluster, namespace, kind, name });
const API = ref('prod-eu', 'acme-production', 'DEPLOYMENT', 'api');
const POSTGRES = ref('prod-us', 'acme-production', 'STATEFULSET', 'postgres');
const EXPORTER = ref('prod-eu', 'monitoring', 'DAEMONSET', 'node-exporter');
const web = { metadata: { labels: { tier: 'frontend' } }, spec: { containers: [{ name: 'web', image: 'nginx:1.27' }] } };

let gw: TestGateway;
beforeAll(async () => {
  gw = await startTestGateway({ clusters: 3, seed: 'demo', speed: 20 });
});
afterAll(() => gw.stop());

const stored = (cluster: string, kind: string, namespace: string, name: string) => gw.fleet.cluster(cluster).store.get(resourceByKind(kind), namespace, name);
const read = async (w: WorkloadRef) => (await gw.client().request(WorkloadDocument, { ref: w })).workload;
const until = (w: WorkloadRef, what: string, ok: (row: WorkloadRow) => boolean) =>
  waitFor(async () => {
    const row = await read(w);
    return row !== null && ok(row) && row;
  }, { what, timeoutMs: 10_000 });

async function refused(query: string, variables: Record<string, unknown>, code: string, message: string): Promise<void> {
  const before = storeSnapshot(gw.fleet);
  const { data, errors } = await gw.query(query, variables);
  expect(data).toBeNull();
  expect(errors).toEqual([expect.objectContaining({ message: expect.stringContaining(message), extensions: expect.objectContaining({ code }) })]);
  expect(storeSnapshot(gw.fleet)).toEqual(before);
}

describe('scaleWorkload', () => {
  it('scales a Deployment up until every replica is ready', async () => {
    const { scaleWorkload } = await gw.client().request(ScaleWorkloadDocument, { input: { workload: API, replicas: 5 } });
    expect(scaleWorkload).toMatchObject({ name: 'api', replicas: 5 });
    expect(stored('prod-eu', 'Deployment', 'acme-production', 'api')!.spec.replicas).toBe(5);
    const row = await until(API, 'api to have 5 ready replicas', (w) => w.readyReplicas === 5 && w.status === 'AVAILABLE');
    expect(row.pods.filter((p) => p.ready)).toHaveLength(5);
  });

  it('scales a StatefulSet, and down to zero', async () => {
    await gw.query(SCALE, { w: POSTGRES, r: 3 });
    await until(POSTGRES, 'postgres to have 3 ready replicas', (w) => w.readyReplicas === 3);
    const { scaleWorkload } = await gw.client().request(ScaleWorkloadDocument, { input: { workload: POSTGRES, replicas: 0 } });
    expect(scaleWorkload).toMatchObject({ replicas: 0, status: 'SCALED_DOWN' });
    await until(POSTGRES, 'postgres to have no pods', (w) => w.pods.length === 0);
  });

  it.each([
    ['a DaemonSet', EXPORTER, 2, 'BAD_USER_INPUT', 'DaemonSet monitoring/node-exporter cannot be scaled'],
    ['negative replicas', API, -1, 'BAD_USER_INPUT', 'replicas: must be a whole number of at least 0'],
    ['an unknown workload', ref('prod-eu', 'acme-production', 'DEPLOYMENT', 'nope'), 1, 'NOT_FOUND', 'no Deployment acme-production/nope in cluster "prod-eu"'],
    ['an unknown namespace', ref('prod-eu', 'nowhere', 'STATEFULSET', 'postgres'), 1, 'NOT_FOUND', 'no StatefulSet nowhere/postgres'],
    ['an unknown cluster', ref('mars', 'acme-production', 'DEPLOYMENT', 'api'), 1, 'NOT_FOUND', 'workload.cluster: no cluster named "mars"'],
  ])('refuses %s', async (_title, w, r, code, message) => {
    await refused(SCALE, { w, r }, code, message);
  });

  it('answers CLUSTER_UNAVAILABLE when the cluster is down', async () => {
    await gw.fleet.cluster('staging').down();
    try {
      await refused(SCALE, { w: ref('staging', 'acme-staging', 'DEPLOYMENT', 'api'), r: 2 }, 'CLUSTER_UNAVAILABLE', 'Cluster staging is unavailable');
    } finally {
      await gw.fleet.cluster('staging').up();
    }
  });
});

describe('pauseWorkload and resumeWorkload', () => {
  const WEB = ref('prod-us', 'acme-production', 'DEPLOYMENT', 'web');

  it('pauses a Deployment and resumes it', async () => {
    const { pauseWorkload } = await gw.client().request(PauseWorkloadDocument, { workload: WEB });
    expect(pauseWorkload).toMatchObject({ paused: true, status: 'PAUSED' });
    expect(stored('prod-us', 'Deployment', 'acme-production', 'web')!.spec.paused).toBe(true);
    expect(await read(WEB)).toMatchObject({ paused: true, status: 'PAUSED' });

    const { resumeWorkload } = await gw.client().request(ResumeWorkloadDocument, { workload: WEB });
    expect(resumeWorkload.paused).toBe(false);
    expect(stored('prod-us', 'Deployment', 'acme-production', 'web')!.spec).not.toHaveProperty('paused');
    await until(WEB, 'web to be available again', (w) => w.status === 'AVAILABLE');
  });

  it.each([
    ['pausing a StatefulSet', PAUSE, POSTGRES, 'StatefulSet acme-production/postgres cannot be paused: only Deployments'],
    ['resuming a DaemonSet', RESUME, EXPORTER, 'DaemonSet monitoring/node-exporter cannot be resumed'],
  ])('refuses %s', async (_title, query, w, message) => {
    await refused(query, { w }, 'BAD_USER_INPUT', message);
  });

  it('answers NOT_FOUND for a Deployment that does not exist', async () => {
    await refused(PAUSE, { w: ref('prod-us', 'acme-production', 'DEPLOYMENT', 'nope') }, 'NOT_FOUND', 'no Deployment acme-production/nope in cluster "prod-us"');
  });
});

describe('deployWorkload and deleteWorkload', () => {
  const input = (over: Record<string, unknown> = {}) => ({ environment: 'acme:staging', cluster: 'staging', name: 'site', podTemplate: web, ...over });
  const SITE = ref('staging', 'acme-staging', 'DEPLOYMENT', 'site');

  it('deploys a Deployment into the environment whose pods come up running', async () => {
    const { data, errors } = await gw.query<{ deployWorkload: WorkloadRow & { namespace: string; environment: { name: string } } }>(DEPLOY, {
      i: input({ replicas: 2, publicHosts: ['Site.Acme.Example', 'site.acme.example'], privateHosts: ['10.1.2.3'] }),
    });
    expect(errors).toBeUndefined();
    expect(data!.deployWorkload).toMatchObject({ name: 'site', kind: 'DEPLOYMENT', namespace: 'acme-staging', replicas: 2, environment: { name: 'acme:staging' } });
    const d = stored('staging', 'Deployment', 'acme-staging', 'site')!;
    expect(d.spec.selector).toEqual({ matchLabels: { app: 'site' } });
    expect(d.spec.template.metadata.labels).toEqual({ tier: 'frontend', app: 'site' });
    expect(d.spec.template.metadata.annotations).toEqual({ 'fleetgraph.io/public-hosts': 'site.acme.example', 'fleetgraph.io/private-hosts': '10.1.2.3' });
    const row = await until(SITE, 'site to be available', (w) => w.status === 'AVAILABLE' && w.readyReplicas === 2);
    expect(row.pods.map(({ phase, ready }) => ({ phase, ready }))).toEqual([
      { phase: 'Running', ready: true },
      { phase: 'Running', ready: true },
    ]);
    const pods = gw.fleet.cluster('staging').store.list(resourceByKind('Pod'), { namespace: 'acme-staging', filter: (p) => p.metadata.labels?.app === 'site' });
    expect(pods.map((p) => p.metadata.annotations?.['fleetgraph.io/public-hosts'])).toEqual(['site.acme.example', 'site.acme.example']);
  });

  it('defaults to one replica', async () => {
    const { data } = await gw.query<{ deployWorkload: WorkloadRow }>(DEPLOY, { i: input({ name: 'single' }) });
    expect(data!.deployWorkload.replicas).toBe(1);
  });

  it.each<[string, Record<string, unknown>, string, string]>([
    ['a Deployment of that name', { name: 'api' }, 'CONFLICT', 'a Deployment named api already exists in environment acme:staging in cluster "staging"'],
    ['an environment the cluster lacks', { environment: 'acme:production' }, 'NOT_FOUND', 'environment: acme:production does not exist in cluster "staging"'],
    ['a namespace that is no environment', { environment: 'kube:system', cluster: 'prod-eu' }, 'NOT_FOUND', 'environment: kube:system does not exist in cluster "prod-eu"'],
    ['an unknown cluster', { cluster: 'mars' }, 'NOT_FOUND', 'cluster: no cluster named "mars"'],
    ['a bad environment name', { environment: 'acme-staging' }, 'BAD_USER_INPUT', 'environment: "acme-staging" is not an environment name of the org:env form'],
    ['a bad workload name', { name: 'Site_1' }, 'BAD_USER_INPUT', 'name: "Site_1" is not a DNS-1123 label'],
    ['negative replicas', { replicas: -2 }, 'BAD_USER_INPUT', 'replicas: must be a whole number of at least 0, got -2'],
    ['no containers', { podTemplate: { spec: { containers: [] } } }, 'BAD_USER_INPUT', 'podTemplate.spec.containers: one container is required'],
    ['two containers', { podTemplate: { spec: { containers: [{ name: 'a', image: 'x' }, { name: 'b', image: 'y' }] } } }, 'BAD_USER_INPUT', 'exactly one container is supported, got 2'],
    ['a container without image', { podTemplate: { spec: { containers: [{ name: 'a' }] } } }, 'BAD_USER_INPUT', 'podTemplate.spec.containers[0].image: container "a" has no image'],
    ['an invalid container name', { podTemplate: { spec: { containers: [{ name: 'A B', image: 'x' }] } } }, 'BAD_USER_INPUT', 'podTemplate.spec.containers[0].name: "A B" is not a container name'],
    ['an app label that escapes the selector', { podTemplate: { metadata: { labels: { app: 'other' } }, spec: web.spec } }, 'BAD_USER_INPUT', 'podTemplate.metadata.labels.app: is "other"'],
    ['a bad public host', { publicHosts: ['*.acme.example'] }, 'BAD_USER_INPUT', 'publicHosts: "*.acme.example" is a wildcard'],
    ['a bad private host', { privateHosts: ['10.0.0'] }, 'BAD_USER_INPUT', 'privateHosts: "10.0.0" is neither an IP address nor a host name'],
    ['a privileged container', { podTemplate: { spec: { containers: [{ name: 'a', image: 'x', securityContext: { privileged: true } }] } } }, 'BAD_USER_INPUT', 'securityContext.privileged: is true: a privileged container holds the host'],
  ])('refuses %s', async (_title, over, code, message) => {
    await refused(DEPLOY, { i: input({ name: 'refused', ...over }) }, code, message);
  });

  it('deletes a workload with its pods, and answers NOT_FOUND once it is gone', async () => {
    await until(SITE, 'site to have pods', (w) => w.pods.length === 2);
    const { data, errors } = await gw.query<{ deleteWorkload: boolean }>(DELETE, { w: SITE });
    expect(errors).toBeUndefined();
    expect(data!.deleteWorkload).toBe(true);
    expect(stored('staging', 'Deployment', 'acme-staging', 'site')).toBeUndefined();
    await waitFor(() => gw.fleet.cluster('staging').store.list(resourceByKind('Pod'), { namespace: 'acme-staging', filter: (p) => p.metadata.labels?.app === 'site' }).length === 0, {
      what: 'the pods of site to be gone',
    });
    await refused(DELETE, { w: SITE }, 'NOT_FOUND', 'no Deployment acme-staging/site in cluster "staging"');
  });
});

describe('deployWorkload with ALLOW_PRIVILEGED_CONTAINERS', () => {
  let allowing: TestGateway;
  beforeAll(async () => {
    allowing = await startTestGateway({ clusters: 1, seed: 'demo', speed: 20, allowPrivilegedContainers: true });
  });
  afterAll(() => allowing.stop());

  it('deploys a privileged container', async () => {
    const podTemplate = { spec: { containers: [{ name: 'agent', image: 'acme/agent:1.0', securityContext: { privileged: true } }] } };
    const { data, errors } = await allowing.query<{ deployWorkload: WorkloadRow }>(DEPLOY, { i: { environment: 'acme:production', cluster: 'prod-eu', name: 'agent', podTemplate } });
    expect(errors).toBeUndefined();
    expect(data!.deployWorkload.name).toBe('agent');
    const d = allowing.fleet.cluster('prod-eu').store.get(resourceByKind('Deployment'), 'acme-production', 'agent')!;
    expect(d.spec.template.spec.containers[0].securityContext).toEqual({ privileged: true });
  });
});
