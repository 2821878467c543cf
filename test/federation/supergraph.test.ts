// Supergraph mode: fleetgraph started from its environment with FLEETGRAPH_SUBGRAPHS_FILE naming a
// team subgraph written here composes the two and serves the supergraph on /graphql: queries cross
// both ways, the team's part batched; the configured headers reach the team, others do not;
// fleetgraph's fields keep their access control; subscriptions stay on graphql-ws at the same URL;
// subgraphs that do not compose stop the start with composition's message.
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { startStandaloneServer } from '@apollo/server/standalone';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { Client } from 'graphql-ws';
import { parse } from 'graphql';
import { createHash } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildGatewaySubgraphSchema } from '../../schema/build-subgraph-schema.js';
import { loadConfig } from '../../src/config/index.js';
import { createLogger } from '../../src/logging/index.js';
import { startFleetgraph, type Fleetgraph } from '../../src/server/fleetgraph.js';
import { SupergraphError } from '../../src/server/supergraph.js';
import { subscribe, wsClient } from '../support/subscriptions.js';
import { eventually } from '../support/wait.js';
import { WORKLOAD_COST, linkFederation, monthlyCost } from './team-subgraph.js';

const TEAMS = `
${linkFederation('key', 'external', 'requires')}
type Team @key(fields: "name") { name: String! clusters: [Cluster!]! budget: Float }
type Cluster @key(fields: "name") { name: String! owner: Team }
${WORKLOAD_COST}
type Query { teams: [Team!]! }
`;

/** The team data: who owns which of the embedded fleet's clusters (SIM_CLUSTERS=2: prod-eu, prod-us). */
const OWNERS: Record<string, string> = { 'prod-eu': 'platform', 'prod-us': 'payments' };
const teamOf = (name: string) => ({ name, clusters: Object.keys(OWNERS).filter((c) => OWNERS[c] === name).map((c) => ({ name: c })) });

/** What the team subgraph was sent: each request's query, representations and headers. */
interface Received {
  query: string;
  representations: number;
  headers: Record<string, string>;
}

const TOKEN = 'supergraph-test-operator';
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const silent = createLogger({ level: 'silent' });

let dir: string;
let teams: ApolloServer;
let teamsUrl: string;
let received: Received[] = [];
let app: Fleetgraph;

/** Starts fleetgraph as `npm start` would, from an environment naming the access and subgraphs files. */
async function start(subgraphsYaml: string): Promise<Fleetgraph> {
  const subgraphs = join(dir, `subgraphs-${Math.random().toString(36).slice(2)}.yaml`);
  await writeFile(subgraphs, subgraphsYaml);
  const config = loadConfig({
    PORT: '0',
    SIM_CLUSTERS: '2',
    DATA_DIR: await mkdtemp(join(dir, 'data-')),
    FLEETGRAPH_AUTH_FILE: join(dir, 'access.yaml'),
    FLEETGRAPH_SUBGRAPHS_FILE: subgraphs,
  });
  return startFleetgraph({ config, logger: silent, schema: await buildGatewaySubgraphSchema() });
}

async function serve(typeDefs: string, resolvers: object): Promise<{ server: ApolloServer; url: string }> {
  const server = new ApolloServer({
    schema: buildSubgraphSchema({ typeDefs: parse(typeDefs), resolvers: resolvers as never }),
    plugins: [
      ApolloServerPluginInlineTraceDisabled(),
      {
        async requestDidStart({ request }) {
          const representations = (request.variables?.representations as unknown[] | undefined)?.length ?? 0;
          received.push({ query: request.query ?? '', representations, headers: Object.fromEntries(request.http?.headers ?? []) });
        },
      },
    ],
  });
  const { url } = await startStandaloneServer(server, { listen: { host: '127.0.0.1', port: 0 } });
  return { server, url };
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'fleetgraph-supergraph-'));
  await writeFile(join(dir, 'access.yaml'), `tokens:\n  - { name: ci-bot, sha256: ${sha256(TOKEN)}, roles: [OPERATOR] }\n`);
  ({ server: teams, url: teamsUrl } = await serve(TEAMS, {
    Query: { teams: () => [...new Set(Object.values(OWNERS))].map(teamOf) },
    Team: {
      __resolveReference: ({ name }: { name: string }) => teamOf(name),
      budget: () => {
        throw new Error('ledger offline at 10.0.0.7');
      },
    },
    Cluster: { owner: ({ name }: { name: string }) => (OWNERS[name] ? teamOf(OWNERS[name]) : null) },
    Workload: { monthlyCost },
  }));
  app = await start(`- name: teams\n  url: ${teamsUrl}\n  headers: [Authorization, X-Team-Token]\n`);
});
afterAll(async () => {
  await app?.stop();
  await teams?.stop();
  await rm(dir, { recursive: true, force: true });
});

/** POSTs to fleetgraph's /graphql, with the operator's token unless `token` is null. */
async function ask<T>(query: string, { token = TOKEN as string | null, headers = {} as Record<string, string>, variables = {} as object } = {}) {
  const response = await fetch(app.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as { data?: T | null; errors?: { message: string; path?: unknown[]; extensions?: { code?: string } }[] };
}

interface FleetWorkload {
  name: string;
  namespace: string;
  kind: string;
  replicas: number;
  cluster: { name: string };
}

const entityRequests = () => received.filter((r) => r.query.includes('_entities'));

describe('fleetgraph serving a supergraph (FLEETGRAPH_SUBGRAPHS_FILE)', () => {
  let workloads: FleetWorkload[];
  beforeAll(async () => {
    const listed = await eventually(
      () => ask<{ workloads: { nodes: FleetWorkload[] } }>('{ workloads(first: 100) { nodes { name namespace kind replicas cluster { name } } } }'),
      (r) => (r.data?.workloads.nodes.length ?? 0) > 2,
    );
    workloads = listed.data!.workloads.nodes;
  });

  it('joins fleet objects to team fields and team clusters to fleet objects in one query', async () => {
    const own = await ask<{ clusters: { name: string; status: string; hostCounts: { total: number } }[] }>('{ clusters { name status hostCounts { total } } }');
    const { data, errors } = await ask<{
      workloads: { nodes: (FleetWorkload & { monthlyCost: number; cluster: { name: string; owner: { name: string } | null } })[] };
      teams: { name: string; clusters: { name: string; status: string; hostCounts: { total: number } }[] }[];
    }>('{ workloads(first: 100) { nodes { name namespace kind replicas monthlyCost cluster { name owner { name } } } } teams { name clusters { name status hostCounts { total } } } }');
    expect(errors).toBeUndefined();
    // fleetgraph → team: fields the team adds to fleetgraph's workloads and clusters
    expect(data!.workloads.nodes.map((w) => [w.name, w.monthlyCost, w.cluster.owner?.name])).toEqual(
      data!.workloads.nodes.map((w) => [w.name, w.replicas * 10, OWNERS[w.cluster.name]]),
    );
    expect(new Set(data!.workloads.nodes.map((w) => w.cluster.name))).toEqual(new Set(Object.keys(OWNERS)));
    // team → fleetgraph: the team's clusters as fleetgraph answers them
    const byName = new Map(own.data!.clusters.map((c) => [c.name, c]));
    expect(data!.teams.map((t) => t.name).sort()).toEqual(['payments', 'platform']);
    for (const team of data!.teams) expect(team.clusters).toEqual(teamOf(team.name).clusters.map((c) => byName.get(c.name)));
  });

  it('asks the team subgraph once per fetch with every reference, not once per entity', async () => {
    received = [];
    const { errors } = await ask('{ workloads(first: 100) { nodes { monthlyCost cluster { owner { name } } } } }');
    expect(errors).toBeUndefined();
    expect(received).toHaveLength(1);
    const [batch] = entityRequests();
    // every workload, and each cluster it names, in the one _entities request
    expect(batch!.representations).toBeGreaterThanOrEqual(workloads.length);
  });

  it('forwards the headers the file names to the team subgraph, and no others', async () => {
    received = [];
    await ask('{ teams { name } }', { headers: { 'x-team-token': 'team-secret', 'x-request-note': 'not for teams', cookie: 'session=1' } });
    expect(received).toHaveLength(1);
    const { headers } = received[0]!;
    expect(headers).toMatchObject({ authorization: `Bearer ${TOKEN}`, 'x-team-token': 'team-secret' });
    expect(Object.keys(headers)).not.toEqual(expect.arrayContaining(['x-request-note']));
    expect(headers.cookie).toBeUndefined();
  });

  it('refuses fleetgraph fields without a token, reached directly or through the team subgraph, and answers them with one', async () => {
    received = [];
    const direct = await ask('{ clusters { name owner { name } } }', { token: null });
    expect(direct.errors?.map((e) => e.extensions?.code)).toEqual(['UNAUTHENTICATED']);
    expect(direct.data ?? null).toBeNull();
    // the team answered its own field; fleetgraph refused the references to its clusters
    const through = await ask<{ teams: { name: string; clusters: { status: string | null }[] }[] }>('{ teams { name clusters { status } } }', { token: null });
    expect(through.errors?.map((e) => e.extensions?.code)).toContain('UNAUTHENTICATED');
    expect(JSON.stringify(through.data)).not.toMatch(/READY|NOT_READY|UNREACHABLE/);
    expect(entityRequests()).toEqual([]);

    const allowed = await ask<{ clusters: { name: string; owner: { name: string } }[] }>('{ clusters { name owner { name } } }');
    expect(allowed.errors).toBeUndefined();
    expect(allowed.data!.clusters.map((c) => [c.name, c.owner.name])).toEqual(allowed.data!.clusters.map((c) => [c.name, OWNERS[c.name]]));
  });

  it('holds HTTP queries against the supergraph: the cost of the team\'s lists counts', async () => {
    received = [];
    const { data, errors } = await ask('{ teams { clusters { owner { clusters { owner { clusters { owner { name } } } } } } } }');
    expect(errors?.map((e) => e.extensions?.code)).toEqual(['QUERY_TOO_COMPLEX']);
    expect(data).toBeUndefined();
    expect(received).toEqual([]);
  });

  it("masks another subgraph's error as INTERNAL_SERVER_ERROR, beside the data it could give", async () => {
    const { data, errors } = await ask<{ teams: { name: string; budget: number | null }[] }>('{ teams { name budget } }');
    expect(data!.teams.map((t) => t.budget)).toEqual([null, null]);
    expect(errors?.map((e) => e.extensions?.code)).toEqual(['INTERNAL_SERVER_ERROR', 'INTERNAL_SERVER_ERROR']);
    expect(JSON.stringify(errors)).not.toContain('10.0.0.7');
  });

  it("keeps subscriptions fleetgraph's own, over graphql-ws on the same URL", async () => {
    const target = workloads.find((w) => w.kind === 'DEPLOYMENT')!;
    const client: Client = wsClient(app.url, { token: TOKEN });
    const sub = subscribe<{ resourceChanged: { type: string; name: string; resource: { replicas: number } | null } }>(
      client,
      'subscription($f: ResourceEventFilter) { resourceChanged(filter: $f) { type name resource { ... on Workload { replicas } } } }',
      { f: { clusters: [target.cluster.name], kinds: ['DEPLOYMENT'], namespaces: [target.namespace] } },
    );
    try {
      // Scaled through the supergraph (a mutation run by fleetgraph's own subgraph) until the
      // subscription, registered some time after it was sent, sees a change.
      let replicas = target.replicas;
      await eventually(
        async () => {
          const { errors } = await ask('mutation($i: ScaleWorkloadInput!) { scaleWorkload(input: $i) { replicas } }', {
            variables: { i: { workload: { cluster: target.cluster.name, namespace: target.namespace, kind: 'DEPLOYMENT', name: target.name }, replicas: ++replicas } },
          });
          expect(errors).toBeUndefined();
          return sub.data().filter((d) => d.resourceChanged.name === target.name);
        },
        (events) => events.length > 0,
      );
      expect(sub.results.filter((r) => r.errors)).toEqual([]);
      expect(sub.data().some((d) => d.resourceChanged.type === 'MODIFIED' && (d.resourceChanged.resource?.replicas ?? 0) > target.replicas)).toBe(true);
    } finally {
      sub.unsubscribe();
      await client.dispose();
    }
  });
});

describe('a supergraph that cannot be built', () => {
  it('stops the start naming a subgraph that does not answer', async () => {
    const { server, url } = await serve(TEAMS, {});
    await server.stop();
    await expect(start(`- { name: teams, url: "${url}" }\n`)).rejects.toThrow(`FLEETGRAPH_SUBGRAPHS_FILE: the supergraph could not be built: Couldn't load service definitions for "teams" at ${url}`);
  });

  it("stops the start with composition's message", async () => {
    // Query.clusters is fleetgraph's and not shareable: a second definition cannot compose.
    const { server, url } = await serve('extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])\ntype Query { clusters: [String!]! }', {
      Query: { clusters: () => [] },
    });
    try {
      const starting = start(`- { name: inventory, url: "${url}" }\n`);
      await expect(starting).rejects.toThrow(SupergraphError);
      await expect(starting).rejects.toThrow(/FLEETGRAPH_SUBGRAPHS_FILE: the supergraph could not be built: A valid schema couldn't be composed/);
      await expect(starting).rejects.toThrow('Type of field "Query.clusters" is incompatible across subgraphs: it has type "[Cluster!]!" in subgraph "fleetgraph" but type "[String!]!" in subgraph "inventory"');
    } finally {
      await server.stop();
    }
  });
});
