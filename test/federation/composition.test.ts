// The subgraph SDL fleetgraph serves composes, with @apollo/composition, beside a team's
// subgraph that defines Node and PageInfo too and adds fields to fleet objects through @requires.
import { readFile } from 'node:fs/promises';
import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';
import { WORKLOAD_COST, linkFederation } from './team-subgraph.js';

const TEAMS = `
${linkFederation('key', 'shareable', 'external', 'requires')}
interface Node { id: ID! }
type PageInfo @shareable { endCursor: String hasNextPage: Boolean! }
type Team implements Node @key(fields: "id") { id: ID! name: String! clusters: [Cluster!]! }
type Cluster @key(fields: "name") { name: String! owner: Team }
${WORKLOAD_COST}
type TeamConnection { nodes: [Team!]! pageInfo: PageInfo! }
type Query { teams: TeamConnection! }
`;

it('composes with a second subgraph that joins clusters and workloads', async () => {
  const sdl = await readFile(new URL('../../schema/subgraph.graphql', import.meta.url), 'utf8');
  const result = composeServices([
    { name: 'fleetgraph', url: 'http://fleetgraph/graphql', typeDefs: parse(sdl) },
    { name: 'teams', url: 'http://teams/graphql', typeDefs: parse(TEAMS) },
  ]);
  expect(result.errors?.map((e) => e.message)).toBeUndefined();
  const supergraph = result.supergraphSdl ?? '';
  expect(supergraph).toMatch(/monthlyCost: Float!/);
  expect(supergraph).toMatch(/owner: Team/);
});
