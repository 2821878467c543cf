// A real @apollo/gateway in front of fleetgraph and a team subgraph written here: queries that
// cross from fleet objects to the team's fields and back, the references sent batched.
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { composeServices } from '@apollo/composition';
import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { parse } from 'graphql';
import { readFile } from 'node:fs/promises';
import { buildGatewaySubgraphSchema } from '../../schema/build-subgraph-schema.js';
import { startTestGateway, type TestGateway } from '../support/gateway.js';
import { eventually } from '../support/wait.js';
import { WORKLOAD_COST, linkFederation, monthlyCost } from './team-subgraph.js';

const TEAMS = `
${linkFederation('key', 'external', 'requires')}
type Team @key(fields: "name") { name: String! clusters: [Cluster!]! }
type Cluster @key(fields: "name") { name: String! owner: Team! }
${WORKLOAD_COST}
type Query { teams: [Team!]! }
`;

let fleet: TestGateway;
let teams: ApolloServer;
let gateway: ApolloServer;
let clusterNames: string[];
let batches: Record<string, number>;
let gatewayUrl: string;

beforeAll(async () => {
  fleet = await startTestGateway({ clusters: 2, seed: 'demo', schema: await buildGatewaySubgraphSchema() });
  clusterNames = (await fleet.query<{ clusters: { name: string }[] }>('{ clusters { name } }')).data!.clusters.map((c) => c.name);
  const owner = (name: string) => ({ name: 'platform', clusters: clusterNames.map((n) => ({ name: n })), of: name });
  teams = new ApolloServer({
    schema: buildSubgraphSchema({
      typeDefs: parse(TEAMS),
      resolvers: {
        Query: { teams: () => [owner('')] },
        Team: { __resolveReference: ({ name }: { name: string }) => ({ name, clusters: clusterNames.map((n) => ({ name: n })) }) },
        Cluster: { owner: ({ name }: { name: string }) => owner(name) },
        Workload: { monthlyCost },
      } as never,
    }),
  });
  const teamsUrl = (await startStandaloneServer(teams, { listen: { port: 0 } })).url;
  const sdl = await readFile(new URL('../../schema/subgraph.graphql', import.meta.url), 'utf8');
  const composed = composeServices([
    { name: 'fleetgraph', url: fleet.url, typeDefs: parse(sdl) },
    { name: 'teams', url: teamsUrl, typeDefs: parse(TEAMS) },
  ]);
  batches = {};
  gateway = new ApolloServer({
    gateway: new ApolloGateway({
      supergraphSdl: composed.supergraphSdl!,
      buildService: ({ url, name }) =>
        new RemoteGraphQLDataSource({
          url,
          willSendRequest: ({ request }) => {
            if (request.query?.includes('_entities')) batches[name] = (batches[name] ?? 0) + 1;
          },
        }),
    }),
  });
  gatewayUrl = (await startStandaloneServer(gateway, { listen: { port: 0 } })).url;
});
afterAll(async () => {
  await gateway?.stop();
  await teams?.stop();
  await fleet?.stop();
});

async function ask<T>(query: string): Promise<{ data?: T; errors?: unknown[] }> {
  const response = await fetch(gatewayUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
  return (await response.json()) as { data?: T; errors?: unknown[] };
}

it('joins fleet workloads to the team subgraph (@requires), the references in one batch', async () => {
  const { data, errors } = await eventually(
    () => ask<{ workloads: { nodes: { name: string; replicas: number; monthlyCost: number; cluster: { name: string; owner: { name: string } } }[] } }>(
      '{ workloads(first: 50) { nodes { name replicas monthlyCost cluster { name owner { name } } } } }',
    ),
    (r) => (r.data?.workloads.nodes.length ?? 0) > 0,
  );
  batches = {};
  await ask('{ workloads(first: 50) { nodes { monthlyCost cluster { owner { name } } } } }');
  // one fetch of fleetgraph's, then the team's fields for every workload and cluster in one _entities call
  expect(batches).toEqual({ teams: 1 });
  expect(errors).toBeUndefined();
  const nodes = data!.workloads.nodes;
  expect(nodes.every((w) => w.monthlyCost === w.replicas * 10 && w.cluster.owner.name === 'platform')).toBe(true);
});

it("joins the team's clusters to fleet objects, the references in one batch", async () => {
  batches = {};
  const { data, errors } = await ask<{ teams: { name: string; clusters: { name: string; status: string; hostCounts: { total: number } }[] }[] }>(
    '{ teams { name clusters { name status hostCounts { total } } } }',
  );
  expect(errors).toBeUndefined();
  expect(data!.teams[0]!.clusters.map((c) => c.name)).toEqual(clusterNames);
  expect(data!.teams[0]!.clusters.every((c) => c.hostCounts.total > 0)).toBe(true);
  expect(batches).toEqual({ fleetgraph: 1 });
});
