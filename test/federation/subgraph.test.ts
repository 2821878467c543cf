// fleetgraph as an Apollo Federation 2 subgraph, over HTTP as a router calls it: the SDL it
// composes from, and `_entities` answering references by every key from the request's lists.
import { readFile } from 'node:fs/promises';
import { buildGatewaySubgraphSchema } from '../../schema/build-subgraph-schema.js';
import { startTestGateway, type TestGateway } from '../support/gateway.js';
import { eventually } from '../support/wait.js';

interface Ref {
  id: string;
  name: string;
  cluster: { name: string };
}
interface WorkloadRef extends Ref {
  namespace: string;
  kind: string;
}
interface Lists {
  clusters: { id: string; name: string }[];
  hosts: { nodes: Ref[] };
  workloads: { nodes: WorkloadRef[] };
  environments: { id: string; name: string }[];
}

const LISTS = `{
  clusters { id name }
  hosts(first: 1000) { nodes { id name cluster { name } } }
  workloads(first: 1000) { nodes { id name namespace kind cluster { name } } }
  environments { id name }
}`;

const ENTITIES = `query($representations: [_Any!]!) { _entities(representations: $representations) {
  __typename ... on Node { id } ... on Cluster { name } ... on Host { name ready } ... on Workload { name kind }
  ... on Environment { name } } }`;

type Entity = { __typename: string; id: string; name: string } | null;

let gw: TestGateway;
let lists: Lists;
const entities = (representations: object[]) => gw.query<{ _entities: Entity[] }>(ENTITIES, { representations });

beforeAll(async () => {
  gw = await startTestGateway({ clusters: 3, seed: 'demo', principal: { name: 'router', roles: ['VIEWER'] }, schema: await buildGatewaySubgraphSchema() });
  lists = await eventually(async () => (await gw.query<Lists>(LISTS)).data!, (l) => l.workloads.nodes.length > 0 && l.environments.length > 0);
});
afterAll(() => gw.stop());

describe('fleetgraph as a subgraph', () => {
  it('serves the SDL of schema/subgraph.graphql: federation v2, keys on every Node type, Relay types shareable', async () => {
    const { data } = await gw.query<{ _service: { sdl: string } }>('{ _service { sdl } }');
    const emitted = await readFile(new URL('../../schema/subgraph.graphql', import.meta.url), 'utf8');
    expect(emitted).toContain(data!._service.sdl);
    const sdl = data!._service.sdl;
    expect(sdl).toContain('@link(url: "https://specs.apollo.dev/federation/v2.3"');
    const keysOf = (type: string) => [...(new RegExp(`type ${type} implements Node(.*?)\\n\\{`, 's').exec(sdl)?.[1] ?? '').matchAll(/@key\(fields: "([^"]+)"\)/g)].map((m) => m[1]);
    expect(Object.fromEntries(['Cluster', 'Environment', 'Host', 'Namespace', 'Operation', 'Pod', 'Workload'].map((t) => [t, keysOf(t)]))).toEqual({
      Cluster: ['id', 'name'],
      Environment: ['id', 'name'],
      Host: ['id', 'cluster { name } name'],
      Namespace: ['id'],
      Operation: ['id'],
      Pod: ['id'],
      Workload: ['id', 'cluster { name } namespace kind name'],
    });
    expect(sdl).toMatch(/type PageInfo\s+@shareable/);
    expect(sdl).toMatch(/node\(id: ID!\): Node @shareable/);
  });

  it('answers references by every key, in order, null for what is not there or not of the type named', async () => {
    const cluster = lists.clusters[0]!;
    const host = lists.hosts.nodes[0]!;
    const workload = lists.workloads.nodes[0]!;
    const environment = lists.environments[0]!;
    const { data, errors } = await entities([
      { __typename: 'Cluster', name: cluster.name },
      { __typename: 'Cluster', id: cluster.id },
      { __typename: 'Host', cluster: { name: host.cluster.name }, name: host.name },
      { __typename: 'Workload', cluster: { name: workload.cluster.name }, namespace: workload.namespace, kind: workload.kind, name: workload.name },
      { __typename: 'Environment', name: environment.name },
      { __typename: 'Host', id: workload.id },
      { __typename: 'Host', cluster: { name: host.cluster.name }, name: 'no-such-host' },
      { __typename: 'Cluster', name: 'no-such-cluster' },
    ]);
    expect(errors).toBeUndefined();
    expect(data!._entities.map((e) => e && [e.__typename, e.id])).toEqual([
      ['Cluster', cluster.id],
      ['Cluster', cluster.id],
      ['Host', host.id],
      ['Workload', workload.id],
      ['Environment', environment.id],
      null,
      null,
      null,
    ]);
  });

  it('answers a batch of references with one list per cluster and kind, and no single gets', async () => {
    const representations = [
      ...lists.hosts.nodes.map(({ cluster, name }) => ({ __typename: 'Host', cluster, name })),
      ...lists.workloads.nodes.map(({ cluster, namespace, kind, name }) => ({ __typename: 'Workload', cluster: { name: cluster.name }, namespace, kind, name })),
    ];
    await gw.coldCache();
    const { data } = await entities(representations);
    expect(data!._entities.map((e) => e?.id)).toEqual([...lists.hosts.nodes, ...lists.workloads.nodes].map((o) => o.id));
    const clusters = lists.clusters.length;
    const requests = gw.kubeReads();
    expect(Object.keys(requests).filter((k) => k.startsWith('get'))).toEqual([]);
    expect(requests['list nodes']).toBe(clusters);
    for (const kind of ['deployments', 'statefulsets', 'daemonsets']) expect(requests[`list ${kind}`]).toBeLessThanOrEqual(clusters);
  });

  it('refuses _entities and _service without a token, like any query', async () => {
    for (const query of ['{ _service { sdl } }', '{ _entities(representations: [{ __typename: "Cluster", name: "prod-eu" }]) { __typename } }']) {
      const response = await fetch(gw.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
      const body = (await response.json()) as { data?: unknown; errors?: { extensions: { code: string } }[] };
      expect(body.errors?.map((e) => e.extensions.code)).toEqual(['UNAUTHENTICATED']);
    }
  });

  it('applies the query limits to _entities', async () => {
    const deep = 'pods { host { pods { host { pods { host { pods { name } } } } } } }';
    const { errors } = await gw.query(`query($r: [_Any!]!) { _entities(representations: $r) { ... on Host { ${deep} } } }`, { r: [] });
    expect(errors?.map((e) => e.extensions?.code)).toEqual(['QUERY_TOO_COMPLEX']);
  });
});
