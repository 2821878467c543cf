// Dangerous input to every mutation, end to end: each case is BAD_USER_INPUT whose message
// names the field, and nothing reached a cluster or the store — no write of any verb (an empty
// name once became a deletecollection), not even a read — and no operation or cluster stored.
import { resourceByKind } from '../../src/sim/resources.js';
import { type TestGateway, startTestGateway } from '../support/gateway.js';

type Vars = Record<string, unknown>;
interface Mutation {
  doc: string;
  /** valid arguments, into which one bad value at a time is put */
  args(): Vars;
}

const W = { cluster: 'staging', namespace: 'acme-staging', kind: 'DEPLOYMENT', name: 'api' };
const TEMPLATE = { spec: { containers: [{ name: 'web', image: 'nginx:1.27' }] } };

const MUTATIONS: Record<string, Mutation> = {
  scaleWorkload: { doc: 'mutation($input: ScaleWorkloadInput!) { scaleWorkload(input: $input) { id } }', args: () => ({ input: { workload: { ...W }, replicas: 2 } }) },
  pauseWorkload: { doc: 'mutation($workload: WorkloadRef!) { pauseWorkload(workload: $workload) { id } }', args: () => ({ workload: { ...W } }) },
  resumeWorkload: { doc: 'mutation($workload: WorkloadRef!) { resumeWorkload(workload: $workload) { id } }', args: () => ({ workload: { ...W } }) },
  deleteWorkload: { doc: 'mutation($workload: WorkloadRef!) { deleteWorkload(workload: $workload) }', args: () => ({ workload: { ...W } }) },
  deployWorkload: {
    doc: 'mutation($input: DeployWorkloadInput!) { deployWorkload(input: $input) { id } }',
    args: () => ({ input: { environment: 'acme:staging', cluster: 'staging', name: 'site', replicas: 1, podTemplate: structuredClone(TEMPLATE), publicHosts: ['site.acme.example'] } }),
  },
  rolloutImage: {
    doc: 'mutation($input: RolloutImageInput!) { rolloutImage(input: $input) { id } }',
    args: () => ({ input: { image: 'acme/web:2.5.0', clusters: ['staging'], namespaces: ['acme-staging'], strategy: { maxParallelClusters: 1, timeoutSeconds: 60 }, idempotencyKey: 'key-1' } }),
  },
  restartWorkloads: {
    doc: 'mutation($input: RestartWorkloadsInput!) { restartWorkloads(input: $input) { id } }',
    args: () => ({ input: { filter: { clusters: ['staging'], namespaces: ['acme-staging'] }, strategy: { maxParallelClusters: 1 } } }),
  },
  restartNamedWorkloads: { doc: 'mutation($input: RestartWorkloadsInput!) { restartWorkloads(input: $input) { id } }', args: () => ({ input: { workloads: [{ ...W }] } }) },
  rollbackWorkload: { doc: 'mutation($input: RollbackWorkloadInput!) { rollbackWorkload(input: $input) { id } }', args: () => ({ input: { workload: { ...W }, revision: 1 } }) },
  restartHosts: {
    doc: 'mutation($input: RestartHostsInput!) { restartHosts(input: $input) { id } }',
    args: () => ({ input: { cluster: 'staging', hosts: ['staging-node-2'], maxUnavailable: 1, idempotencyKey: 'key-2' } }),
  },
  restartHostsBySelector: { doc: 'mutation($input: RestartHostsInput!) { restartHosts(input: $input) { id } }', args: () => ({ input: { cluster: 'staging', labelSelector: 'zone=a' } }) },
  cordonHost: { doc: 'mutation($cluster: String!, $name: String!) { cordonHost(cluster: $cluster, name: $name) { id } }', args: () => ({ cluster: 'staging', name: 'staging-node-2' }) },
  uncordonHost: { doc: 'mutation($cluster: String!, $name: String!) { uncordonHost(cluster: $cluster, name: $name) { id } }', args: () => ({ cluster: 'staging', name: 'staging-node-2' }) },
  createEnvironment: {
    doc: 'mutation($input: CreateEnvironmentInput!) { createEnvironment(input: $input) { name } }',
    args: () => ({ input: { name: 'acme:qa', clusters: ['staging'], hostNames: ['qa.acme.example'] } }),
  },
  updateEnvironment: { doc: 'mutation($input: UpdateEnvironmentInput!) { updateEnvironment(input: $input) { name } }', args: () => ({ input: { name: 'acme:staging', hostNames: ['staging.acme.example'] } }) },
  deleteEnvironment: { doc: 'mutation($name: String!) { deleteEnvironment(name: $name) }', args: () => ({ name: 'acme:staging' }) },
  registerCluster: {
    doc: 'mutation($input: RegisterClusterInput!) { registerCluster(input: $input) { name } }',
    args: () => ({ input: { name: 'edge-1', server: 'https://edge.example:6443', token: 'abc', labels: [{ key: 'tier', value: 'edge' }] } }),
  },
  unregisterCluster: { doc: 'mutation($name: String!) { unregisterCluster(name: $name) }', args: () => ({ name: 'staging' }) },
  cancelOperation: { doc: 'mutation($id: ID!) { cancelOperation(id: $id) { id } }', args: () => ({ id: 'T3BlcmF0aW9uOng' }) },
};

type Bad = readonly [title: string, value: unknown];

/** Strings no field accepts, whatever its rules. */
const UNICODE: readonly Bad[] = [
  ['a lone high surrogate', '\ud800'],
  ['a lone low surrogate', 'web\udc00'],
  ['a reversed surrogate pair', 'web\udc00\ud800'],
  ['a right-to-left override', 'web\u202e'],
  ['a zero-width space', 'we\u200bb'],
  ['a byte order mark', '\ufeffweb'],
  ['NUL', 'web\u0000'],
  ['a newline', 'web\n'],
  ['a C1 control', 'web\u0085'],
  ['a noncharacter', 'web\uffff'],
  ['an unassigned code point', 'web\u0378'],
];
const NAME: readonly Bad[] = [
  ['an empty name', ''],
  ['upper case', 'Api'],
  ['..', '..'],
  ['a slash', 'a/b'],
  ['a percent sign', 'a%2F'],
  ['a leading dash', '-api'],
  ['fullwidth letters', 'ａｐｉ'],
  ['a Kelvin sign', '\u212Aapi'],
  ['254 characters', 'a'.repeat(254)],
  ...UNICODE,
];
const NAMESPACE: readonly Bad[] = [...NAME.filter(([title]) => title !== '254 characters'), ['a dot', 'acme.staging'], ['64 characters', 'a'.repeat(64)]];
const CLUSTER: readonly Bad[] = [['an empty name', ''], ['white space', 'prod eu'], ['254 characters', 'x'.repeat(254)], ...UNICODE];
const ENVIRONMENT: readonly Bad[] = [['an empty name', ''], ['no org', 'qa'], ['upper case', 'Acme:qa'], ['a slash', 'acme/x:qa'], ['three parts', 'a:b:c'], ...UNICODE];
const HOST_NAME: readonly Bad[] = [['an empty host', ''], ['a slash', 'a/b'], ['fullwidth letters', 'ＡＣＭＥ.example'], ['a Kelvin sign', '\u212Aacme.example'], ...UNICODE];
const TEXT: readonly Bad[] = UNICODE;

/** JSON text sent as it is: JSON.stringify itself cannot nest 20,000 levels deep. */
class RawJson {
  constructor(readonly text: string) {}
}

/** A value nested `levels` lists deep. */
const nested = (levels: number) => new RawJson(`${'['.repeat(levels)}"x"${']'.repeat(levels)}`);

type Case = readonly [mutation: string, path: string, title: string, field: string, value: unknown];

/** One case per bad value of the field at `path`; the message must name `field` (default the path). */
function cases(mutation: string, path: string, bad: readonly Bad[], field = path): Case[] {
  return bad.map(([title, value]) => [mutation, path, title, field, value] as const);
}

const workloadRefCases = (mutation: string, at: string): Case[] => [
  ...cases(mutation, `${at}.cluster`, CLUSTER),
  ...cases(mutation, `${at}.namespace`, NAMESPACE),
  ...cases(mutation, `${at}.name`, NAME),
];

const TABLE: Case[] = [
  ...workloadRefCases('scaleWorkload', 'input.workload'),
  ...cases('scaleWorkload', 'input.replicas', [['negative replicas', -1], ['10,001 replicas', 10_001], ['a billion replicas', 1_000_000_000], ['beyond 32 bits', 2 ** 40]]),
  ...workloadRefCases('pauseWorkload', 'workload'),
  ...workloadRefCases('resumeWorkload', 'workload'),
  ...workloadRefCases('deleteWorkload', 'workload'),
  ...cases('deployWorkload', 'input.environment', ENVIRONMENT),
  ...cases('deployWorkload', 'input.cluster', CLUSTER),
  ...cases('deployWorkload', 'input.name', [...NAME, ['a dot (the app label allows none)', 'a.b'], ['64 characters', 'a'.repeat(64)]]),
  ...cases('deployWorkload', 'input.replicas', [['negative replicas', -1], ['a billion replicas', 1_000_000_000]]),
  ...cases('deployWorkload', 'input.publicHosts[0]', HOST_NAME, 'input.publicHosts'),
  ...cases('deployWorkload', 'input.podTemplate', [['a template nested 20,000 deep', { spec: { containers: TEMPLATE.spec.containers, x: nested(20_000) } }]], 'input.podTemplate.spec.x'),
  ...cases('deployWorkload', 'input.podTemplate', [['a template nested 33 deep', { spec: { containers: TEMPLATE.spec.containers, x: nested(33) } }]], 'input.podTemplate.spec.x'),
  ...cases('deployWorkload', 'input.podTemplate', [['a template of 70 KB', { metadata: { annotations: { big: 'x'.repeat(70_000) } }, ...TEMPLATE }]]),
  ...cases('deployWorkload', 'input.podTemplate.spec.containers[0].image', [['a lone surrogate', 'nginx\ud800'], ['NUL', 'nginx\u0000']]),
  ...cases('rolloutImage', 'input.image', [['an empty image', ''], ['no image', 'Not An Image!'], ...TEXT]),
  ...cases('rolloutImage', 'input.clusters[0]', CLUSTER),
  ...cases('rolloutImage', 'input.namespaces[0]', NAMESPACE),
  ...cases('rolloutImage', 'input.clusters', [['no clusters', []]]),
  ...cases('rolloutImage', 'input.namespaces', [['no namespaces', []]]),
  ...cases('rolloutImage', 'input.filter', [['an empty image filter', []]]),
  ...cases('rolloutImage', 'input.strategy.maxParallelClusters', [['0 clusters at once', 0], ['-1 clusters at once', -1], ['1,001 clusters at once', 1_001]]),
  ...cases('rolloutImage', 'input.strategy.timeoutSeconds', [['a timeout of 0', 0], ['a negative timeout', -60], ['a timeout over a day', 86_401]]),
  ...cases('rolloutImage', 'input.idempotencyKey', [['an empty key', ''], ['a blank key', '  '], ['257 characters', 'k'.repeat(257)], ...TEXT]),
  ...cases('restartWorkloads', 'input.filter', [
    ['an empty filter', {}],
    ['a filter naming only clusters', { clusters: ['staging'] }],
    ['a filter naming only a name', { name: 'api' }],
  ]),
  ...cases('restartWorkloads', 'input.filter.namespaces', [['no namespaces', []]]),
  ...cases('restartWorkloads', 'input.filter.namespaces[0]', NAMESPACE),
  ...cases('restartWorkloads', 'input.filter.clusters[0]', CLUSTER),
  ...cases('restartWorkloads', 'input.filter.labelSelector', [['an empty selector', ''], ['a blank selector', '  '], ['a bad selector', '!!'], ...TEXT]),
  ...cases('restartWorkloads', 'input.filter.name', [['an empty substring', ''], ...TEXT]),
  ...cases('restartWorkloads', 'input.filter.image', [['an empty substring', ''], ...TEXT]),
  ...cases('restartWorkloads', 'input.filter.environments[0]', ENVIRONMENT),
  ...cases('restartWorkloads', 'input.strategy.maxParallelClusters', [['0 clusters at once', 0], ['1,001 clusters at once', 1_001]]),
  ...workloadRefCases('restartNamedWorkloads', 'input.workloads[0]'),
  ...cases('restartNamedWorkloads', 'input.workloads', [['no workloads', []]]),
  ...cases('restartNamedWorkloads', 'input.allNamespaces', [['the switch beside named workloads', true]]),
  ...workloadRefCases('rollbackWorkload', 'input.workload'),
  ...cases('rollbackWorkload', 'input.revision', [['revision 0', 0], ['a negative revision', -1]]),
  ...cases('restartHosts', 'input.cluster', CLUSTER),
  ...cases('restartHosts', 'input.hosts[0]', NAME),
  ...cases('restartHosts', 'input.hosts', [['no hosts', []]]),
  ...cases('restartHosts', 'input.maxUnavailable', [['0 at once', 0], ['-1 at once', -1], ['1,001 at once', 1_001]]),
  ...cases('restartHosts', 'input.idempotencyKey', [['an empty key', ''], ...TEXT]),
  ...cases('restartHostsBySelector', 'input.labelSelector', [['an empty selector', ''], ['a blank selector', ' '], ['a bad selector', 'a in ('], ...TEXT]),
  ...cases('cordonHost', 'cluster', CLUSTER),
  ...cases('cordonHost', 'name', NAME),
  ...cases('uncordonHost', 'cluster', CLUSTER),
  ...cases('uncordonHost', 'name', NAME),
  ...cases('createEnvironment', 'input.name', [...ENVIRONMENT, ['a kube- namespace', 'kube:qa']]),
  ...cases('createEnvironment', 'input.clusters[0]', CLUSTER),
  ...cases('createEnvironment', 'input.clusters', [['no clusters', []]]),
  ...cases('createEnvironment', 'input.hostNames[0]', HOST_NAME, 'input.hostNames'),
  ...cases('updateEnvironment', 'input.name', ENVIRONMENT),
  ...cases('updateEnvironment', 'input.hostNames[0]', HOST_NAME, 'input.hostNames'),
  ...cases('deleteEnvironment', 'name', ENVIRONMENT),
  ...cases('registerCluster', 'input.name', [['an empty name', ''], ['upper case', 'Edge'], ['a slash', 'a/b'], ...UNICODE]),
  ...cases('registerCluster', 'input.server', TEXT),
  ...cases('registerCluster', 'input.token', TEXT),
  ...cases('registerCluster', 'input.labels[0].value', TEXT),
  ...cases('unregisterCluster', 'name', CLUSTER),
  ...cases('cancelOperation', 'id', [['an empty id', ''], ['257 characters', 'x'.repeat(257)], ...TEXT]),
];

/** Puts `value` at `path` (`input.workloads[0].name`) of `args`, making the lists and objects on the way. */
function put(args: Vars, path: string, value: unknown): Vars {
  const keys = path.split(/\.|\[(\d+)\]/).filter((k) => k !== undefined && k !== '');
  let at = args as Record<string, unknown>;
  keys.slice(0, -1).forEach((key, i) => {
    at[key] ??= /^\d+$/.test(keys[i + 1]!) ? [] : {};
    at = at[key] as Record<string, unknown>;
  });
  at[keys[keys.length - 1]!] = value;
  return args;
}

let gw: TestGateway;
beforeAll(async () => {
  gw = await startTestGateway({ clusters: 3, seed: 'demo' });
});
afterAll(() => gw.stop());

/** POSTs the mutation as the test gateway's query() does, with RawJson values spliced in as they are. */
async function post(query: string, variables: Vars): Promise<{ data?: Record<string, unknown> | null; errors?: { message: string; extensions?: Record<string, unknown> }[] }> {
  const raw: string[] = [];
  const text = JSON.stringify({ query, variables }, (_key, value: unknown) => (value instanceof RawJson ? `\u0000raw${raw.push(value.text) - 1}` : value));
  const body = text.replace(/"\\u0000raw(\d+)"/g, (_match, i: string) => raw[Number(i)]!);
  const response = await fetch(gw.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
  return (await response.json()) as never;
}

/** Every request every cluster answered, by cluster and `verb resource`. */
function requests(): Record<string, number> {
  return Object.fromEntries(gw.fleet.clusters.flatMap((c) => Object.entries(c.counters.snapshot()).map(([key, n]) => [`${c.name} ${key}`, n])));
}

const writes = (counts: Record<string, number>) => Object.fromEntries(Object.entries(counts).filter(([key]) => !/ (get|list|watch) /.test(key)));

async function stored(): Promise<unknown> {
  return { operations: (await gw.store.operations.list()).length, clusters: (await gw.store.clusters.list()).map((c) => c.name) };
}

it('covers every mutation of the schema', async () => {
  const { data } = await gw.query<{ __type: { fields: { name: string }[] } }>('{ __type(name: "Mutation") { fields { name } } }');
  const covered = new Set(TABLE.map(([mutation]) => MUTATIONS[mutation]!.doc.match(/\{ (\w+)\(/)![1]));
  expect(data!.__type.fields.map((f) => f.name).filter((name) => !covered.has(name))).toEqual([]);
});

it.each(TABLE)('%s: %s as %s → BAD_USER_INPUT naming %s, nothing read or written', async (mutation, path, _title, field, value) => {
  const { doc, args } = MUTATIONS[mutation]!;
  const before = { requests: requests(), store: await stored() };
  const { data, errors } = await post(doc, put(args(), path, value));
  expect(errors).toHaveLength(1);
  expect(errors![0]!.extensions?.code).toBe('BAD_USER_INPUT');
  expect(errors![0]!.message).toContain(field);
  expect(data ?? null).toBeNull();
  expect(writes(requests())).toEqual(writes(before.requests));
  expect(requests()).toEqual(before.requests);
  expect(await stored()).toEqual(before.store);
});

it('refuses deleteWorkload with an empty name, and every Deployment of the namespace is still there', async () => {
  const deployments = () => gw.fleet.cluster('staging').store.list(resourceByKind('Deployment')).filter((d) => d.metadata.namespace === 'acme-staging').length;
  const before = deployments();
  const { errors } = await gw.query(MUTATIONS.deleteWorkload!.doc, { workload: { ...W, name: '' } });
  expect(errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  expect(errors?.[0]?.message).toMatch(/^workload\.name: "" is not a valid Deployment name: must not be empty/);
  expect(gw.fleet.cluster('staging').counters.total('deletecollection')).toBe(0);
  expect(before).toBeGreaterThan(0);
  expect(deployments()).toBe(before);
});
