// node(id:) end to end: every Node type, taken from the list queries, found again by its id.
import { toGlobalId } from '../../src/model/ids.js';
import { resourceByKind } from '../../src/sim/resources.js';
import { startTestGateway, type TestGateway } from '../support/gateway.js';
import { eventually } from '../support/wait.js';

interface Named {
  __typename: string;
  id: string;
  name: string;
}

const NODE = `query($id: ID!) { node(id: $id) { __typename id
  ... on Cluster { name } ... on Host { name } ... on Namespace { name } ... on Pod { name }
  ... on Workload { name } ... on Environment { name } } }`;

/** One object of each type, as the list queries give them. */
const LISTS = `{
  clusters { __typename id name namespaces { __typename id name } }
  hosts(first: 2) { nodes { __typename id name pods { __typename id name } } }
  workloads(first: 3) { nodes { __typename id name pods { __typename id name } } }
  environments { __typename id name }
}`;

interface Lists {
  clusters: (Named & { namespaces: Named[] })[];
  hosts: { nodes: (Named & { pods: Named[] })[] };
  workloads: { nodes: (Named & { pods: Named[] })[] };
  environments: Named[];
}

describe('node(id:)', () => {
  let gw: TestGateway;
  let objects: Named[];
  const node = (id: string) => gw.query<{ node: Named | null }>(NODE, { id });

  beforeAll(async () => {
    gw = await startTestGateway({ clusters: 3, seed: 'demo', speed: 20 });
    // Pods come from the controllers a moment after start.
    const lists = await eventually(
      async () => (await gw.query<Lists>(LISTS)).data!,
      (l) => l.hosts.nodes.some((h) => h.pods.length > 0) && l.workloads.nodes.some((w) => w.pods.length > 0),
    );
    objects = [
      ...lists.clusters.flatMap(({ namespaces, ...cluster }) => [cluster, ...namespaces.slice(0, 2)]),
      ...lists.hosts.nodes.flatMap(({ pods, ...host }) => [host, ...pods.slice(0, 1)]),
      ...lists.workloads.nodes.flatMap(({ pods, ...workload }) => [workload, ...pods.slice(0, 1)]),
      ...lists.environments,
    ];
  });
  afterAll(() => gw.stop());

  it('has an object of every Node type to look for', () => {
    expect(new Set(objects.map((o) => o.__typename))).toEqual(new Set(['Cluster', 'Namespace', 'Host', 'Pod', 'Workload', 'Environment']));
  });

  it('finds each object again by its id, as the same type', async () => {
    for (const object of objects) {
      const { data, errors } = await node(object.id);
      expect(errors).toBeUndefined();
      expect(data!.node).toEqual(object);
    }
  });

  it.each([
    ['not base64 of ours', 'garbage!'],
    ['empty', ''],
    ['a type that is not ours', Buffer.from('Secret:prod-eu/x').toString('base64url')],
    ['an unknown cluster', toGlobalId('Cluster', 'nope')],
    ['a host in an unknown cluster', toGlobalId('Host', 'nope', 'prod-eu-node-1')],
    ['too few parts', toGlobalId('Pod', 'prod-eu', 'api')],
    ['too many parts', toGlobalId('Cluster', 'prod-eu', 'extra')],
    ['a workload kind that is not one', toGlobalId('Workload', 'prod-eu', 'acme-production', 'CRONJOB', 'api')],
    ['a namespace no cluster has', toGlobalId('Namespace', 'prod-eu', 'nope')],
    ['an environment name of the wrong form', toGlobalId('Environment', 'acme-production')],
    ['an environment no cluster has', toGlobalId('Environment', 'acme:qa')],
    ['an operation the gateway does not have', toGlobalId('Operation', '42')],
  ])('is null, without errors, for %s', async (_title, id) => {
    const { data, errors } = await node(id);
    expect(errors).toBeUndefined();
    expect(data).toEqual({ node: null });
  });

  it('is null for an object deleted since its id was handed out', async () => {
    const workload = toGlobalId('Workload', 'staging', 'default', 'DEPLOYMENT', 'nginx');
    const host = toGlobalId('Host', 'staging', 'staging-node-3');
    expect((await node(workload)).data!.node).toMatchObject({ __typename: 'Workload', name: 'nginx' });
    expect((await node(host)).data!.node).toMatchObject({ __typename: 'Host', name: 'staging-node-3' });
    const store = gw.fleet.cluster('staging').store;
    store.delete(resourceByKind('Deployment'), 'default', 'nginx');
    store.delete(resourceByKind('Node'), undefined, 'staging-node-3');
    // Gone from the next answer once the watch has told the gateway.
    const gone = (answer: Awaited<ReturnType<typeof node>>) => answer.data?.node === null;
    expect(await eventually(() => node(workload), gone)).toEqual({ data: { node: null } });
    expect(await eventually(() => node(host), gone)).toEqual({ data: { node: null } });
  });

  it('is null for an object in a cluster that cannot be reached, which is reported', async () => {
    await gw.down('prod-us');
    try {
      const { data, errors } = await node(toGlobalId('Host', 'prod-us', 'prod-us-node-1'));
      expect(data).toEqual({ node: null });
      expect(errors).toEqual([expect.objectContaining({ extensions: { code: 'CLUSTER_UNAVAILABLE', cluster: 'prod-us' } })]);
    } finally {
      await gw.fleet.cluster('prod-us').up();
    }
  });
});
