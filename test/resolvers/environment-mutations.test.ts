// createEnvironment, updateEnvironment and deleteEnvironment end to end against the demo fleet
// (acme:production in prod-eu and prod-us, acme:staging in staging, globex:production in
// prod-eu), checked as an operator would: through kubectl, and through the gateway's reads.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { storeSnapshot } from '../mutations/store-snapshot.js';
import { startTestGateway, type TestGateway } from '../support/gateway.js';
import { type Kubectl, kubectlFor } from '../support/kubectl.js';

interface EnvironmentRow {
  name: string;
  namespace: string;
  hostNames: string[];
  clusters: { name: string }[];
}

const FIELDS = 'name namespace hostNames clusters { name }';
const CREATE = `mutation($i: CreateEnvironmentInput!) { createEnvironment(input: $i) { ${FIELDS} } }`;
const UPDATE = `mutation($i: UpdateEnvironmentInput!) { updateEnvironment(input: $i) { ${FIELDS} } }`;
const DELETE = 'mutation($n: String!) { deleteEnvironment(name: $n) }';
const READ = `query($n: String!) { environment(name: $n) { ${FIELDS} } }`;
const CLUSTERS = ['prod-eu', 'prod-us', 'staging'];

let gw: TestGateway;
let dir: string;
const kubectl: Record<string, Kubectl> = {};

beforeAll(async () => {
  gw = await startTestGateway({ clusters: 3, seed: 'demo', speed: 20 });
  dir = await mkdtemp(join(tmpdir(), 'fleetgraph-environments-'));
  await gw.fleet.writeKubeconfig(join(dir, 'kubeconfig'));
  for (const context of CLUSTERS) kubectl[context] = kubectlFor({ kubeconfig: join(dir, 'kubeconfig'), context, cacheDir: join(dir, 'cache') });
});

afterAll(async () => {
  await gw?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

const names = (rows: { name: string }[]) => rows.map((r) => r.name);
const getNamespace = (cluster: string, name: string) => kubectl[cluster]!.json(['get', 'ns', name]);
const getSecret = (cluster: string, namespace: string) => kubectl[cluster]!.json(['get', 'secret', 'routing', '-n', namespace]);

async function refused(query: string, variables: Record<string, unknown>, code: string, message: string): Promise<void> {
  const before = storeSnapshot(gw.fleet);
  const { data, errors } = await gw.query(query, variables);
  expect(data).toBeNull();
  expect(errors).toEqual([expect.objectContaining({ message: expect.stringContaining(message), extensions: expect.objectContaining({ code }) })]);
  expect(storeSnapshot(gw.fleet)).toEqual(before);
}

async function withDown<T>(cluster: string, run: () => Promise<T>): Promise<T> {
  await gw.fleet.cluster(cluster).down();
  try {
    return await run();
  } finally {
    await gw.fleet.cluster(cluster).up();
  }
}

describe('an environment through its life', () => {
  const keys: string[] = [];

  it('is created in each listed cluster: a labelled namespace and a routing secret, visible through kubectl', async () => {
    const response = await gw.query<{ createEnvironment: EnvironmentRow }>(CREATE, {
      i: { name: 'acme:qa', clusters: ['staging', 'prod-eu'], hostNames: ['QA.acme.example', 'qa.acme.example', '10.9.9.9'] },
    });
    expect(response.errors).toBeUndefined();
    expect(response.data!.createEnvironment).toEqual({ name: 'acme:qa', namespace: 'acme-qa', hostNames: ['10.9.9.9', 'qa.acme.example'], clusters: [{ name: 'prod-eu' }, { name: 'staging' }] });

    for (const cluster of ['prod-eu', 'staging']) {
      const ns = await getNamespace(cluster, 'acme-qa');
      expect(ns.metadata.labels).toMatchObject({ 'fleetgraph.io/environment': 'true', 'fleetgraph.io/org': 'acme', 'fleetgraph.io/env': 'qa' });
      expect(ns.metadata.annotations).toEqual({ 'fleetgraph.io/environment-name': 'acme:qa', 'fleetgraph.io/host-names': 'qa.acme.example 10.9.9.9' });
      const secret = await getSecret(cluster, 'acme-qa');
      expect(Object.keys(secret.data).sort()).toEqual(['private-api-key', 'public-api-key']);
      for (const data of Object.values<string>(secret.data)) {
        const key = Buffer.from(data, 'base64').toString();
        expect(key).toMatch(/^[A-Za-z0-9+/]{43}=$/);
        expect(Buffer.from(key, 'base64')).toHaveLength(32);
        keys.push(key);
      }
    }
    expect(new Set(keys).size).toBe(4);
    // The keys are never answered.
    for (const key of keys) expect(JSON.stringify(response)).not.toContain(key);
    expect((await kubectl['prod-us']!.run(['get', 'ns', 'acme-qa'])).stderr).toContain('NotFound');
  });

  it('is read back by the gateway', async () => {
    const { data } = await gw.query<{ environment: EnvironmentRow; environments: { name: string }[] }>(`{ environment(name: "acme:qa") { ${FIELDS} } environments { name } }`);
    expect(data!.environment).toMatchObject({ name: 'acme:qa', clusters: [{ name: 'prod-eu' }, { name: 'staging' }] });
    expect(names(data!.environments)).toContain('acme:qa');
  });

  it('extends to a new cluster, with the host names it already has', async () => {
    const { data, errors } = await gw.query<{ createEnvironment: EnvironmentRow }>(CREATE, { i: { name: 'acme:qa', clusters: ['prod-us'] } });
    expect(errors).toBeUndefined();
    expect(data!.createEnvironment).toMatchObject({ hostNames: ['10.9.9.9', 'qa.acme.example'], clusters: [{ name: 'prod-eu' }, { name: 'prod-us' }, { name: 'staging' }] });
    expect((await getNamespace('prod-us', 'acme-qa')).metadata.annotations['fleetgraph.io/host-names']).toBe('10.9.9.9 qa.acme.example');
  });

  it('has its host names replaced in every cluster', async () => {
    const { data, errors } = await gw.query<{ updateEnvironment: EnvironmentRow }>(UPDATE, { i: { name: 'acme:qa', hostNames: ['qa2.acme.example', 'QA2.acme.example', 'qa.acme.example'] } });
    expect(errors).toBeUndefined();
    expect(data!.updateEnvironment).toMatchObject({ hostNames: ['qa.acme.example', 'qa2.acme.example'], clusters: [{ name: 'prod-eu' }, { name: 'prod-us' }, { name: 'staging' }] });
    const namespaces = await Promise.all(CLUSTERS.map((cluster) => getNamespace(cluster, 'acme-qa')));
    for (const ns of namespaces) expect(ns.metadata.annotations['fleetgraph.io/host-names']).toBe('qa2.acme.example qa.acme.example');
  });

  it('keeps its routing keys through an update', async () => {
    const secret = await getSecret('prod-eu', 'acme-qa');
    expect(Object.values<string>(secret.data).map((d) => Buffer.from(d, 'base64').toString())).toEqual(expect.arrayContaining(keys.slice(0, 2)));
  });

  it('is deleted from every cluster, with everything in it', async () => {
    const { data, errors } = await gw.query<{ deleteEnvironment: boolean }>(DELETE, { n: 'acme:qa' });
    expect(errors).toBeUndefined();
    expect(data!.deleteEnvironment).toBe(true);
    const answers = await Promise.all(CLUSTERS.flatMap((c) => [kubectl[c]!.run(['get', 'ns', 'acme-qa']), kubectl[c]!.run(['get', 'secret', 'routing', '-n', 'acme-qa'])]));
    for (const answer of answers) expect(answer.stderr).toContain('NotFound');
    expect((await gw.query(READ, { n: 'acme:qa' })).data).toEqual({ environment: null });
  });

  it('is NOT_FOUND once deleted', async () => {
    await refused(DELETE, { n: 'acme:qa' }, 'NOT_FOUND', 'no environment named acme:qa');
    await refused(UPDATE, { i: { name: 'acme:qa', hostNames: [] } }, 'NOT_FOUND', 'no environment named acme:qa');
  });
});

describe('createEnvironment refuses, changing nothing', () => {
  it.each<[string, Record<string, unknown>, string, string]>([
    ['a name without org', { name: 'qa', clusters: ['staging'] }, 'BAD_USER_INPUT', 'name: "qa" is not an environment name of the org:env form'],
    ['a name with three parts', { name: 'acme:qa:eu', clusters: ['staging'] }, 'BAD_USER_INPUT', 'is not an environment name of the org:env form'],
    ['upper case', { name: 'Acme:qa', clusters: ['staging'] }, 'BAD_USER_INPUT', '"Acme" in "Acme:qa" is not a DNS-1123 label'],
    ['a namespace too long', { name: `${'a'.repeat(32)}:${'b'.repeat(31)}`, clusters: ['staging'] }, 'BAD_USER_INPUT', 'longer than 63 characters'],
    ['no clusters', { name: 'acme:qa', clusters: [] }, 'BAD_USER_INPUT', 'clusters: name at least one cluster'],
    ['a bad host name', { name: 'acme:qa', clusters: ['staging'], hostNames: ['ok.example', 'acme.example.'] }, 'BAD_USER_INPUT', 'hostNames: "acme.example." ends with a dot'],
    ['an unknown cluster', { name: 'acme:qa', clusters: ['staging', 'mars', 'venus'] }, 'BAD_USER_INPUT', 'clusters: no cluster named mars, venus'],
    ['an environment that exists in a listed cluster', { name: 'acme:production', clusters: ['staging', 'prod-us'] }, 'CONFLICT', 'environment acme:production already exists in cluster prod-us'],
    ['a namespace Kubernetes reserves', { name: 'kube:system', clusters: ['prod-eu'] }, 'BAD_USER_INPUT', 'input.name: "kube:system" would be namespace kube-system, and the kube- prefix is reserved for Kubernetes'],
    ['a host name of another environment', { name: 'acme:qa', clusters: ['staging'], hostNames: ['qa.acme.example', 'WWW.acme.example'] }, 'CONFLICT', 'hostNames: "www.acme.example" belongs to environment acme:production'],
  ])('%s', async (_title, input, code, message) => {
    await refused(CREATE, { i: input }, code, message);
  });

  it('answers CLUSTER_UNAVAILABLE when a listed cluster is down', async () => {
    await withDown('staging', () => refused(CREATE, { i: { name: 'acme:qa', clusters: ['prod-eu', 'staging'] } }, 'CLUSTER_UNAVAILABLE', 'Cluster staging is unavailable'));
  });

  it('answers CLUSTER_UNAVAILABLE when any cluster is down and host names must be checked', async () => {
    await withDown('prod-us', () => refused(CREATE, { i: { name: 'acme:qa', clusters: ['staging'], hostNames: ['qa.acme.example'] } }, 'CLUSTER_UNAVAILABLE', 'Cluster prod-us is unavailable'));
  });
});

describe('createEnvironment failing part-way', () => {
  it('removes what it created when one cluster fails', async () => {
    const staging = gw.fleet.cluster('staging');
    staging.faults.set({ errorRate: 1, match: { verb: 'create', resource: 'secrets' } });
    try {
      await refused(CREATE, { i: { name: 'acme:half', clusters: ['prod-eu', 'staging'] } }, 'CLUSTER_UNAVAILABLE', 'Cluster staging is unavailable');
    } finally {
      staging.faults.clear();
    }
  });
});

describe('createEnvironment beside a cluster that is down', () => {
  it('creates an environment without host names, reporting the cluster it could not read', async () => {
    const { data, errors } = await withDown('prod-us', () => gw.query<{ createEnvironment: EnvironmentRow }>(CREATE, { i: { name: 'acme:dev', clusters: ['staging'] } }));
    expect(data!.createEnvironment).toEqual({ name: 'acme:dev', namespace: 'acme-dev', hostNames: [], clusters: [{ name: 'staging' }] });
    expect(errors).toEqual([expect.objectContaining({ extensions: { code: 'CLUSTER_UNAVAILABLE', cluster: 'prod-us' } })]);
    expect((await getNamespace('staging', 'acme-dev')).metadata.annotations['fleetgraph.io/host-names']).toBe('');
  });
});

describe('updateEnvironment and deleteEnvironment refuse, changing nothing', () => {
  it.each<[string, string, Record<string, unknown>, string, string]>([
    ['update: a bad name', UPDATE, { i: { name: 'acme', hostNames: [] } }, 'BAD_USER_INPUT', 'name: "acme" is not an environment name'],
    ['update: a bad host name', UPDATE, { i: { name: 'acme:staging', hostNames: ['acme_staging.example'] } }, 'BAD_USER_INPUT', 'hostNames: "acme_staging.example" is neither'],
    ['update: an unknown environment', UPDATE, { i: { name: 'acme:nope', hostNames: [] } }, 'NOT_FOUND', 'no environment named acme:nope'],
    ['update: a host name of another environment', UPDATE, { i: { name: 'acme:staging', hostNames: ['staging.acme.example', 'globex.example'] } }, 'CONFLICT', '"globex.example" belongs to environment globex:production'],
    ['delete: a bad name', DELETE, { n: 'acme-staging' }, 'BAD_USER_INPUT', 'name: "acme-staging" is not an environment name'],
    ['delete: an unknown environment', DELETE, { n: 'acme:nope' }, 'NOT_FOUND', 'no environment named acme:nope'],
    ['delete: a namespace that is no environment', DELETE, { n: 'kube:system' }, 'NOT_FOUND', 'no environment named kube:system'],
  ])('%s', async (_title, query, variables, code, message) => {
    await refused(query, variables, code, message);
  });

  it.each([
    ['update', UPDATE, { i: { name: 'acme:staging', hostNames: ['x.acme.example'] } }],
    ['delete', DELETE, { n: 'acme:staging' }],
  ])('%s answers CLUSTER_UNAVAILABLE while a cluster is down', async (_title, query, variables) => {
    await withDown('prod-eu', () => refused(query, variables, 'CLUSTER_UNAVAILABLE', 'Cluster prod-eu is unavailable'));
  });

  it('updates an environment to the host names it already holds', async () => {
    const { data, errors } = await gw.query<{ updateEnvironment: EnvironmentRow }>(UPDATE, { i: { name: 'acme:production', hostNames: ['www.acme.example'] } });
    expect(errors).toBeUndefined();
    expect(data!.updateEnvironment).toMatchObject({ hostNames: ['www.acme.example'], clusters: [{ name: 'prod-eu' }, { name: 'prod-us' }] });
  });
});
