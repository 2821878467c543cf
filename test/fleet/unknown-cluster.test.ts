// The unknown-cluster rule on every entry point that takes a list of cluster names, against
// the demo fleet (prod-eu, prod-us, staging): a name the caller does not see is BAD_USER_INPUT
// naming it, and a cluster outside the caller's scope is refused exactly as one that does not
// exist. Mutations check the caller's reach first, so a scoped caller naming either is FORBIDDEN.
import { subscribe, wsClient } from '../support/subscriptions.js';
import { startTestGateway, type TestGateway } from '../support/gateway.js';
import { caller, type TestCaller } from '../auth/tokens.js';

const ADMIN = caller('admin', ['ADMIN']);
const EU_OPERATOR = caller('eu-operator', ['OPERATOR'], { clusters: ['prod-eu'] });

interface Refusal {
  code: unknown;
  message: string;
}

let gw: TestGateway;
beforeAll(async () => {
  gw = await startTestGateway({ clusters: 3, seed: 'demo', auth: { tokens: [ADMIN, EU_OPERATOR].map((c) => c.entry) } });
});
afterAll(() => gw.stop());

/** The one error a query answers with (failing the test when there is not exactly one). */
async function refusal(who: TestCaller, query: string, clusters: string[]): Promise<Refusal> {
  const { errors } = await gw.query(query, { c: clusters }, { token: who.token });
  expect(errors).toHaveLength(1);
  return { code: errors![0]!.extensions?.code, message: errors![0]!.message };
}

/** The error a resourceChanged subscription ends with, over graphql-ws. */
async function subscriptionRefusal(who: TestCaller, _query: string, clusters: string[]): Promise<Refusal> {
  const client = wsClient(gw.url, { token: who.token });
  const subscriber = subscribe(client, 'subscription($c: [String!]) { resourceChanged(filter: { clusters: $c }) { name } }', { c: clusters });
  try {
    await subscriber.until((results) => results.length > 0);
    const { errors } = subscriber.results[0]!;
    expect(errors).toHaveLength(1);
    return { code: errors![0]!.extensions?.code, message: errors![0]!.message };
  } finally {
    subscriber.unsubscribe();
    await client.dispose();
  }
}

const OPERATION = '{ id }';
const ENTRY_POINTS: [string, string, 'read' | 'mutation', typeof refusal][] = [
  ['workloads', 'query($c: [String!]) { workloads(filter: { clusters: $c }) { totalCount } }', 'read', refusal],
  ['Cluster.workloads', 'query($c: [String!]) { cluster(name: "prod-eu") { workloads(filter: { clusters: $c }) { totalCount } } }', 'read', refusal],
  ['Environment.workloads', 'query($c: [String!]) { environment(name: "acme:production") { workloads(filter: { clusters: $c }) { totalCount } } }', 'read', refusal],
  ['hosts', 'query($c: [String!]) { hosts(filter: { clusters: $c }) { totalCount } }', 'read', refusal],
  ['environments', 'query($c: [String!]) { environments(filter: { clusters: $c }) { name } }', 'read', refusal],
  ['upgradeCandidates', 'query($c: [String!]) { upgradeCandidates(image: "acme/web:9.9.9", clusters: $c) { failed } }', 'read', refusal],
  ['resourceChanged', '', 'read', subscriptionRefusal],
  ['rolloutImage', `mutation($c: [String!]) { rolloutImage(input: { image: "acme/web:9.9.9", clusters: $c, dryRun: true }) ${OPERATION} }`, 'mutation', refusal],
  ['restartWorkloads', `mutation($c: [String!]) { restartWorkloads(input: { filter: { clusters: $c, namespaces: ["acme-production"] }, dryRun: true }) ${OPERATION} }`, 'mutation', refusal],
  ['createEnvironment', 'mutation($c: [String!]!) { createEnvironment(input: { name: "acme:qa", clusters: $c }) { name } }', 'mutation', refusal],
];

describe.each(ENTRY_POINTS)('%s', (_name, query, kind, ask) => {
  it('refuses an unknown cluster as BAD_USER_INPUT naming it (and only it)', async () => {
    const { code, message } = await ask(ADMIN, query, ['prod-eu', 'mars', 'staging', 'venus']);
    expect(code).toBe('BAD_USER_INPUT');
    expect(message).toMatch(/clusters: no cluster named mars, venus$/);
  });

  it('refuses a cluster outside the caller\'s scope exactly as an unknown one', async () => {
    const outside = await ask(EU_OPERATOR, query, ['prod-eu', 'prod-us']);
    const unknown = await ask(EU_OPERATOR, query, ['prod-eu', 'mars']);
    expect(outside.code).toBe(kind === 'read' ? 'BAD_USER_INPUT' : 'FORBIDDEN');
    expect(unknown.code).toBe(outside.code);
    expect(outside.message.replace('prod-us', 'mars')).toBe(unknown.message);
  });
});

it('answers a known cluster on every read entry point', async () => {
  for (const [name, query, kind] of ENTRY_POINTS) {
    if (kind !== 'read' || !query) continue;
    const { errors } = await gw.query(query, { c: ['prod-eu'] }, { token: EU_OPERATOR.token });
    expect([name, errors]).toEqual([name, undefined]);
  }
});
