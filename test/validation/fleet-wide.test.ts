// An empty filter or selector never means "everything" for a mutation: restartWorkloads and
// restartHosts need their explicit switch (allNamespaces, allHosts), and a fleet-wide restart
// or rollout leaves kube-* namespaces alone unless they are named.
import { resourceByKind } from '../../src/sim/resources.js';
import { type TestGateway, startTestGateway } from '../support/gateway.js';
import { eventually } from '../support/wait.js';

interface Target {
  cluster: string;
  namespace: string | null;
  name: string;
  status: string;
}
interface Operation {
  id: string;
  status: string;
  targets: Target[];
}

const FIELDS = 'id status targets { cluster namespace name status }';
const RESTART = `mutation($input: RestartWorkloadsInput!) { restartWorkloads(input: $input) { ${FIELDS} } }`;
const ROLLOUT = `mutation($input: RolloutImageInput!) { rolloutImage(input: $input) { ${FIELDS} } }`;
const HOSTS = `mutation($input: RestartHostsInput!) { restartHosts(input: $input) { ${FIELDS} } }`;
const OPERATION = `query($id: ID!) { operation(id: $id) { ${FIELDS} } }`;

let gw: TestGateway;
beforeAll(async () => {
  gw = await startTestGateway({ clusters: 3, seed: 'demo', speed: 50 });
});
afterAll(() => gw.stop());

async function run(doc: string, input: object): Promise<Operation> {
  const { data, errors } = await gw.query<Record<string, Operation>>(doc, { input });
  if (errors) throw new Error(JSON.stringify(errors));
  return Object.values(data!)[0]!;
}

async function refusal(doc: string, input: object): Promise<string> {
  const operations = (await gw.store.operations.list()).length;
  const { data, errors } = await gw.query(doc, { input });
  expect(data).toBeNull();
  expect(errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  expect((await gw.store.operations.list()).length).toBe(operations);
  return errors![0]!.message;
}

const namespaces = (op: Operation) => [...new Set(op.targets.map((t) => t.namespace))].sort();
const restartedAt = (namespace: string, name: string) =>
  gw.fleet.cluster('staging').store.get(resourceByKind('Deployment'), namespace, name)?.spec.template.metadata?.annotations?.['kubectl.kubernetes.io/restartedAt'];

describe('restartWorkloads', () => {
  it.each([
    ['an empty filter', { filter: {} }],
    ['a filter naming clusters only', { filter: { clusters: ['staging'] } }],
    ['a filter with an empty selector', { filter: { labelSelector: '' }, allNamespaces: true }],
  ])('refuses %s', async (_title, input) => {
    expect(await refusal(RESTART, input)).toMatch(/^input\.filter(\.labelSelector)?: /);
  });

  it('with allNamespaces: true plans every namespace but the kube-* ones', async () => {
    const plan = await run(RESTART, { filter: {}, allNamespaces: true, dryRun: true });
    expect(namespaces(plan)).toEqual(['acme-production', 'acme-staging', 'default', 'globex-production', 'monitoring']);
    expect(new Set(plan.targets.map((t) => t.cluster))).toEqual(new Set(['prod-eu', 'prod-us', 'staging']));
  });

  it('reaches kube-system when it is named', async () => {
    const plan = await run(RESTART, { filter: { namespaces: ['kube-system'] }, dryRun: true });
    expect(namespaces(plan)).toEqual(['kube-system']);
    expect(plan.targets.map((t) => t.name).sort()).toEqual(['coredns', 'coredns', 'coredns', 'kube-proxy', 'kube-proxy', 'kube-proxy']);
  });

  it('restarts a whole cluster with the switch, and kube-system is left as it was', async () => {
    const started = await run(RESTART, { filter: { clusters: ['staging'] }, allNamespaces: true });
    const done = await eventually(async () => (await gw.query<{ operation: Operation }>(OPERATION, { id: started.id })).data!.operation, (op) => !['PENDING', 'RUNNING'].includes(op.status), 60_000);
    expect(done.status).toBe('SUCCEEDED');
    expect(namespaces(done)).not.toContain('kube-system');
    expect(restartedAt('acme-staging', 'api')).toEqual(expect.any(String));
    expect(restartedAt('kube-system', 'coredns')).toBeUndefined();
  }, 90_000);
});

describe('rolloutImage', () => {
  it('leaves kube-system out of a fleet-wide rollout, and rolls it out when named', async () => {
    const image = 'registry.k8s.io/coredns/coredns:v1.12.0';
    expect((await run(ROLLOUT, { image, dryRun: true })).targets).toEqual([]);
    const named = await run(ROLLOUT, { image, namespaces: ['kube-system'], dryRun: true });
    expect(named.targets.map((t) => `${t.cluster}/${t.namespace}/${t.name}`).sort()).toEqual(['prod-eu/kube-system/coredns', 'prod-us/kube-system/coredns', 'staging/kube-system/coredns']);
  });

  it('refuses an empty image filter, which would make every image a candidate', async () => {
    expect(await refusal(ROLLOUT, { image: 'acme/web:9.0.0', filter: [], dryRun: true })).toMatch(/^input\.filter: an empty filter/);
  });
});

describe('restartHosts', () => {
  it.each([
    ['an empty selector', { cluster: 'staging', labelSelector: '' }, /^input\.labelSelector: an empty selector/],
    ['neither hosts, selector nor switch', { cluster: 'staging' }, /either hosts or labelSelector/],
    ['the switch beside a selector', { cluster: 'staging', labelSelector: 'zone=a', allHosts: true }, /^input\.allHosts: /],
    ['the switch beside hosts', { cluster: 'staging', hosts: ['staging-node-1'], allHosts: true }, /^input\.allHosts: /],
  ])('refuses %s', async (_title, input, message) => {
    expect(await refusal(HOSTS, input)).toMatch(message);
  });

  it('plans every host of the cluster with allHosts: true', async () => {
    const plan = await run(HOSTS, { cluster: 'staging', allHosts: true, dryRun: true });
    expect(plan.targets.map((t) => t.name)).toEqual(['staging-node-1', 'staging-node-2', 'staging-node-3']);
  });
});
