// auditLog end to end: mutations by two principals through the gateway, then the log as an
// ADMIN reads it (filters, pages, redacted arguments), and the refusal for anyone else.
import type { Principal } from '../../src/auth/index.js';
import { resourceByKind } from '../../src/sim/resources.js';
import { type SimFleet, startSimFleet } from '../../src/sim/fleet.js';
import { type GatewayStore, createEmbeddedStore } from '../../src/store/index.js';
import { type GraphQLResponse, startTestGateway, type TestGateway } from '../support/gateway.js';

interface Entry {
  id: string;
  at: string;
  finishedAt: string | null;
  principal: string;
  action: string;
  args: Record<string, unknown>;
  outcome: string;
  code: string | null;
  message: string | null;
  operationId: string | null;
}
interface LogPage {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: { cursor: string }[];
  nodes: Entry[];
}

const LOG = `query($filter: AuditLogFilter, $first: Int, $after: String) {
  auditLog(filter: $filter, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } edges { cursor }
    nodes { id at finishedAt principal action args outcome code message operationId }
  }
}`;
const CORDON = 'mutation($n: String!) { cordonHost(cluster: "prod-eu", name: $n) { name } }';
const UNCORDON = 'mutation($n: String!) { uncordonHost(cluster: "prod-eu", name: $n) { name } }';
const SCALE = 'mutation { scaleWorkload(input: { workload: { cluster: "prod-eu", namespace: "acme-production", kind: DEPLOYMENT, name: "nope" }, replicas: 2 }) { name } }';
const DRY_RESTART = 'mutation { restartWorkloads(input: { dryRun: true, workloads: [{ cluster: "prod-eu", namespace: "acme-production", kind: DEPLOYMENT, name: "api" }] }) { id } }';
const BOB: Principal = { name: 'bob', roles: ['VIEWER', 'OPERATOR'] };

let fleet: SimFleet;
let store: GatewayStore;
let admin: TestGateway;
let operator: TestGateway;
let operationId: string;

// Two gateways over one fleet and one store: the open gateway's ADMIN (`anonymous`), and bob.
beforeAll(async () => {
  fleet = await startSimFleet({ clusters: 1, seed: 'demo', speed: 20 });
  store = createEmbeddedStore({ inMemoryOnly: true });
  admin = await startTestGateway({ fleet, store });
  operator = await startTestGateway({ fleet, store, principal: BOB });
  expect((await admin.query(CORDON, { n: 'prod-eu-node-1' })).errors).toBeUndefined();
  expect((await operator.query(UNCORDON, { n: 'prod-eu-node-1' })).errors).toBeUndefined();
  expect((await operator.query(SCALE)).errors).toHaveLength(1);
  const restart = await admin.query<{ restartWorkloads: { id: string } }>(DRY_RESTART);
  operationId = restart.data!.restartWorkloads.id;
});
afterAll(async () => {
  await operator?.stop();
  await admin?.stop();
  await store?.close();
  await fleet?.stop();
});

const log = async (variables: Record<string, unknown> = {}, gateway = admin): Promise<GraphQLResponse<{ auditLog: LogPage }>> =>
  gateway.query<{ auditLog: LogPage }>(LOG, variables);
const page = async (variables: Record<string, unknown> = {}): Promise<LogPage> => {
  const { data, errors } = await log(variables);
  expect(errors).toBeUndefined();
  return data!.auditLog;
};

describe('auditLog', () => {
  it('lists every attempt newest first: who, what, arguments, outcome, code, message, operation and time', async () => {
    const { nodes, totalCount, pageInfo } = await page();
    expect(nodes.map((e) => [e.principal, e.action, e.outcome, e.code])).toEqual([
      ['anonymous', 'restartWorkloads', 'SUCCEEDED', null],
      ['bob', 'scaleWorkload', 'FAILED', 'NOT_FOUND'],
      ['bob', 'uncordonHost', 'SUCCEEDED', null],
      ['anonymous', 'cordonHost', 'SUCCEEDED', null],
    ]);
    expect(totalCount).toBe(4);
    expect(pageInfo.hasNextPage).toBe(false);
    const [restart, scale, uncordon] = nodes as [Entry, Entry, Entry];
    expect(restart.operationId).toBe(operationId);
    expect(scale.message).toContain('no Deployment acme-production/nope');
    expect(uncordon).toMatchObject({ args: { cluster: 'prod-eu', name: 'prod-eu-node-1' }, message: null, operationId: null });
    for (const entry of nodes) expect(Date.parse(entry.finishedAt!)).toBeGreaterThanOrEqual(Date.parse(entry.at));
    const read = await admin.query<{ operation: { id: string } }>('query($id: ID!) { operation(id: $id) { id } }', { id: restart.operationId });
    expect(read.data!.operation.id).toBe(operationId);
  });

  it.each([
    ['principal', { principal: 'bob' }, ['scaleWorkload', 'uncordonHost']],
    ['action', { action: 'cordonHost' }, ['cordonHost']],
    ['principal and action', { principal: 'anonymous', action: 'restartWorkloads' }, ['restartWorkloads']],
    ['nothing matching', { principal: 'carol' }, []],
  ])('filters by %s', async (_, filter, actions) => {
    const { nodes, totalCount } = await page({ filter });
    expect(nodes.map((e) => e.action)).toEqual(actions);
    expect(totalCount).toBe(actions.length);
  });

  it('filters by time: entries attempted at or after `since`', async () => {
    const all = (await page()).nodes;
    const since = all.find((e) => e.action === 'uncordonHost')!.at;
    const expected = all.filter((e) => Date.parse(e.at) >= Date.parse(since)).map((e) => e.id);
    expect(expected).toContain(all.find((e) => e.action === 'uncordonHost')!.id);
    expect(expected).not.toContain(all.find((e) => e.action === 'cordonHost')!.id);
    const { nodes, totalCount } = await page({ filter: { since } });
    expect(nodes.map((e) => e.id)).toEqual(expected);
    expect(totalCount).toBe(expected.length);
  });

  it('pages with cursors, neither repeating nor skipping while new entries arrive', async () => {
    const before = (await page({ filter: { principal: 'anonymous' } })).nodes.map((e) => e.id);
    const seen: string[] = [];
    let after: string | null = null;
    for (let pages = 0; ; pages++) {
      const { nodes, pageInfo, edges, totalCount }: LogPage = await page({ filter: { principal: 'anonymous' }, first: 1, after });
      seen.push(...nodes.map((e) => e.id));
      expect(pageInfo.endCursor).toBe(edges.at(-1)?.cursor ?? null);
      expect(totalCount).toBe(before.length + pages);
      if (!pageInfo.hasNextPage) break;
      after = pageInfo.endCursor;
      // A newer entry written between pages belongs before the first page, not in a later one.
      await admin.query(CORDON, { n: 'prod-eu-node-2' });
    }
    expect(seen).toEqual(before);
  });

  it.each([
    ['a cursor it never gave out', { after: 'bm90IGEgY3Vyc29y' }, 'is not a cursor this API gave out'],
    ['a negative page size', { first: -1 }, 'first must be a whole number from 0 to 1000'],
  ])('refuses %s', async (_, variables, message) => {
    const { data, errors } = await log(variables);
    expect(data).toBeNull();
    expect(errors).toEqual([expect.objectContaining({ message: expect.stringContaining(message), extensions: { code: 'BAD_USER_INPUT' } })]);
  });

  it("refuses another connection's cursor", async () => {
    const { data } = await admin.query<{ operations: { pageInfo: { endCursor: string } } }>('{ operations(first: 1) { pageInfo { endCursor } } }');
    const { errors } = await log({ after: data!.operations.pageInfo.endCursor });
    expect(errors?.[0]).toMatchObject({ message: expect.stringContaining('different sort order'), extensions: { code: 'BAD_USER_INPUT' } });
  });

  it('is FORBIDDEN to a principal without ADMIN, and shows it nothing', async () => {
    const { data, errors } = await log({}, operator);
    expect(data).toBeNull();
    expect(errors).toEqual([expect.objectContaining({ path: ['auditLog'], message: 'auditLog needs the ADMIN role, which bob does not hold', extensions: { code: 'FORBIDDEN' } })]);
  });
});

describe('the audit of a deployWorkload nested 20,000 levels', () => {
  // Built as text: JSON.stringify itself overflows the stack on such an object.
  const DEPTH = 20_000;
  const podTemplate = `{"spec":{"containers":[{"name":"web","image":"nginx:1.27","env":[{"name":"DB_PASSWORD","value":"hunter2"}]}],"extra":${'['.repeat(DEPTH)}${']'.repeat(DEPTH)}}}`;
  const body = `{"query":"mutation($i: DeployWorkloadInput!) { deployWorkload(input: $i) { name } }","variables":{"i":{"environment":"acme:production","cluster":"prod-eu","name":"deep","replicas":0,"podTemplate":${podTemplate}}}}`;

  it('is written whatever the mutation answered, with its arguments cut short and its env values redacted', async () => {
    const response = await fetch(admin.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    const answer = (await response.json()) as GraphQLResponse;
    const { nodes } = await page({ filter: { action: 'deployWorkload' } });
    expect(nodes).toHaveLength(1);
    const [entry] = nodes as [Entry];
    const code = answer.errors?.[0]?.extensions?.code ?? null;
    expect(entry).toMatchObject({ principal: 'anonymous', outcome: code === null ? 'SUCCEEDED' : 'FAILED', code });
    const deployed = fleet.cluster('prod-eu').store.get(resourceByKind('Deployment'), 'acme-production', 'deep');
    expect(deployed !== undefined).toBe(entry.outcome === 'SUCCEEDED');
    const args = JSON.stringify(entry.args);
    expect(args).toContain('[truncated: nested deeper than 32 levels]');
    expect(args).toContain('{"name":"DB_PASSWORD","value":"[redacted]"}');
    expect(args).not.toContain('hunter2');
  });
});
