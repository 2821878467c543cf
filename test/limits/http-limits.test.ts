// What one HTTP request may cost: abusive queries are refused before they run, with
// QUERY_TOO_COMPLEX naming the limit, while ordinary ones — and the small query sent
// beside an abusive one — are answered.
import { startTestGateway, type GraphQLResponse, type TestGateway } from '../support/gateway.js';
import { DEFAULT_QUERY_LIMITS, LIMIT_SETTINGS, type LimitName, type QueryLimits } from '../../src/limits/index.js';
import { ABUSIVE, nestedFleet } from '../../bench/abusive-queries.js';

const MAX_OF: Readonly<Record<string, keyof QueryLimits>> = {
  depth: 'maxDepth',
  aliases: 'maxAliases',
  tokens: 'maxTokens',
  directives: 'maxDirectives',
  repeats: 'maxFieldRepeats',
  cost: 'maxCost',
};

const README_QUERY = `{
  workloads(filter: { image: "acme/api", status: [PROGRESSING, FAILED] }, sort: [{ field: CLUSTER }, { field: NAME }], first: 50) {
    totalCount
    pageInfo { hasNextPage endCursor }
    nodes { cluster { name } namespace name status containers { image imageRef { version build commit } } pods { name ready host { name } } }
  }
  hosts(filter: { status: [NOT_READY, CORDONED] }) { nodes { cluster { name } name status roles kubeletVersion } }
  environments { name namespace clusters { name } hostNames }
  upgradeCandidates(image: "acme/api:1.5.0_19_c3d4e5f6") { cluster { name } failed message upgrade { workload { name } container image } obsolete { image } error { image reason } }
}`;

const SMALL = '{ clusters { name } }';

let gateway: TestGateway;
beforeAll(async () => {
  gateway = await startTestGateway();
});
afterAll(async () => {
  await gateway?.stop();
});

function limitsNamed(response: GraphQLResponse): unknown[] {
  return (response.errors ?? []).map((e) => e.extensions?.limit);
}

describe.each(ABUSIVE)('$shape', ({ query, limit }) => {
  it(`is refused with QUERY_TOO_COMPLEX naming the ${limit} limit, while a small query sent with it is answered`, async () => {
    const [refused, small] = await Promise.all([gateway.query(query), gateway.query<{ clusters: unknown[] }>(SMALL)]);
    expect(refused.data).toBeUndefined();
    expect(refused.errors!.every((e) => e.extensions?.code === 'QUERY_TOO_COMPLEX')).toBe(true);
    expect(limitsNamed(refused)).toContain(limit);
    const error = refused.errors!.find((e) => e.extensions?.limit === limit)!;
    // Names the setting to raise, and the limit's value.
    expect(error.message).toContain(`(${LIMIT_SETTINGS[limit]})`);
    expect(error.extensions!.max).toBe(DEFAULT_QUERY_LIMITS[MAX_OF[limit]!]);
    expect(small.errors).toBeUndefined();
    expect(small.data!.clusters).toHaveLength(3);
  });

  it('costs the clusters nothing', async () => {
    gateway.resetCounters();
    await gateway.query(query);
    expect(gateway.kubeRequests()).toEqual({});
  });
});

describe('ordinary queries', () => {
  it("answers the README's nested query", async () => {
    const response = await gateway.query<{ environments: unknown[]; upgradeCandidates: unknown[] }>(README_QUERY);
    expect(response.errors).toBeUndefined();
    expect(response.data!.environments.length).toBeGreaterThan(0);
    expect(response.data!.upgradeCandidates).toHaveLength(3);
  });

  it('answers one level of hosts → pods → host', async () => {
    const response = await gateway.query<{ hosts: { nodes: unknown[] } }>(nestedFleet(1));
    expect(response.errors).toBeUndefined();
    expect(response.data!.hosts.nodes.length).toBeGreaterThan(0);
  });

  it('counts `first` from variables', async () => {
    const query = 'query($n: Int) { workloads(first: $n) { nodes { pods { host { pods { name } } } } } }';
    expect(limitsNamed(await gateway.query(query, { n: 1000 }))).toEqual(['cost']);
    expect((await gateway.query(query, { n: 1 })).errors).toBeUndefined();
  });

  it('does not count introspection', async () => {
    const response = await gateway.query('{ __schema { types { name fields { name type { name ofType { name ofType { name } } } } } } }');
    expect(response.errors).toBeUndefined();
  });
});

describe('each limit is a setting', () => {
  it.each<[LimitName, Partial<QueryLimits>, string, string]>([
    ['depth', { maxDepth: 2 }, '{ clusters { hostCounts { total } } }', 'query depth 3 exceeds the limit of 2 by 1 (QUERY_MAX_DEPTH)'],
    ['aliases', { maxAliases: 1 }, '{ a: clusters { name } b: clusters { name } }', 'aliases 2 exceeds the limit of 1 by 1 (QUERY_MAX_ALIASES)'],
    ['tokens', { maxTokens: 20 }, `{ clusters { ${'name '.repeat(20)}} }`, 'document has more than 20 tokens (QUERY_MAX_TOKENS)'],
    ['directives', { maxDirectives: 1 }, '{ clusters { name @skip(if: false) server @skip(if: false) } }', 'directives 2 exceeds the limit of 1 by 1 (QUERY_MAX_DIRECTIVES)'],
    ['repeats', { maxFieldRepeats: 2 }, '{ clusters { name ... on Cluster { name } ...C } } fragment C on Cluster { name }', 'field "name" is asked 3 times in one selection set, over the limit of 2 by 1 (QUERY_MAX_FIELD_REPEATS)'],
    ['cost', { maxCost: 5 }, '{ hosts(first: 5) { nodes { name } } }', 'query could produce about 6 objects, over the limit of 5 by 1 (QUERY_MAX_COST)'],
  ])('%s', async (limit, limits, query, message) => {
    const strict = await startTestGateway({ fleet: gateway.fleet, limits });
    try {
      const response = await strict.query(query);
      expect(response.errors).toEqual([{ message, extensions: expect.objectContaining({ code: 'QUERY_TOO_COMPLEX', limit }) }]);
    } finally {
      await strict.stop();
    }
    // The default gateway answers the same query.
    expect((await gateway.query(query)).errors).toBeUndefined();
  });
});
