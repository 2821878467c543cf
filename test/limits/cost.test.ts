// The cost model's arithmetic: objects per list, multiplied by nesting, pages from `first`.
import { type GraphQLSchema, parse, validate } from 'graphql';
import { buildGatewaySchema } from '../../schema/build-schema.js';
import { costRule } from '../../src/limits/index.js';

let schema: GraphQLSchema;
beforeAll(async () => {
  schema = await buildGatewaySchema();
});

/** The estimate for `query` on a fleet of three clusters (the rule reports it once over a limit of 0). */
function costOf(query: string, variables?: Record<string, unknown>): number {
  const [error] = validate(schema, parse(query), [costRule({ maxCost: 0, clusters: 3, variables })]);
  return (error?.extensions.found as number | undefined) ?? 0;
}

describe('the cost of a query', () => {
  it.each([
    ['one object per cluster', '{ clusters { name } }', 3],
    ['a single object', '{ me { name } }', 1],
    ['a connection of the default page', '{ hosts { totalCount nodes { name } } }', 1 + 100],
    ['a connection of `first` items, edges too', '{ hosts(first: 2) { edges { node { name } } } }', 1 + 2 + 2],
    ['at most 1000 items a page', '{ workloads(first: 5000) { nodes { name } } }', 1 + 1000],
    ['nested lists multiplied', '{ hosts(first: 5) { nodes { pods { name } } } }', 1 + 5 + 5 * 110],
    ['hosts → pods → host', '{ hosts { nodes { pods { host { name } } } } }', 1 + 100 + 11_000 + 11_000],
    ['the same through fragments', '{ hosts { nodes { ...H } } } fragment H on Host { pods { ...P } } fragment P on Pod { host { name } }', 1 + 100 + 11_000 + 11_000],
    ['a fragment spread twice counted twice', '{ clusters { ...C ...C } } fragment C on Cluster { hosts { name } }', 3 + 3 * 2 * 100],
    ['a page per connection', '{ clusters { workloads(first: 3) { nodes { pods { name } } } } }', 3 + 3 * (1 + 3 + 3 * 10)],
    ['introspection costs nothing', '{ __schema { types { name fields { name } } } }', 0],
  ])('%s', (_case, query, cost) => {
    expect(costOf(query)).toBe(cost);
  });

  it('reads `first` from variables', () => {
    expect(costOf('query($n: Int) { workloads(first: $n) { nodes { name } } }', { n: 7 })).toBe(1 + 7);
    expect(costOf('query($n: Int) { workloads(first: $n) { nodes { name } } }')).toBe(1 + 100);
  });
});
