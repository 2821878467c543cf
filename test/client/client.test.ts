// The typed client against a gateway on the simulator: typed results over HTTP, events over
// graphql-ws, and every failure as a FleetgraphError carrying the server's extensions.code.
import { createServer } from 'node:net';
import WebSocket from 'ws';
import { ClustersDocument, FleetgraphError, MeDocument, OperationUpdatedDocument, RestartWorkloadsDocument, RolloutImageDocument, WorkloadsDocument, createFleetgraphClient } from '../../src/client/index.js';
import { type TestGateway, startTestGateway } from '../support/gateway.js';
import { caller } from '../auth/tokens.js';

const ADMIN = caller('ci', ['ADMIN']);
const VIEWER = caller('dashboard', ['VIEWER']);

/** a loopback port nothing listens on */
async function closedPort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function failure(promise: Promise<unknown>): Promise<FleetgraphError> {
  const err = await promise.then(() => undefined, (e: unknown) => e);
  expect(err).toBeInstanceOf(FleetgraphError);
  return err as FleetgraphError;
}

describe('createFleetgraphClient', () => {
  let gw: TestGateway;
  beforeAll(async () => {
    gw = await startTestGateway({ speed: 50, auth: { tokens: [ADMIN.entry, VIEWER.entry] } });
  });
  afterAll(() => gw.stop());

  it('answers typed queries over HTTP with the token it was given', async () => {
    const client = gw.client({ token: VIEWER.token });
    expect(await client.request(MeDocument)).toEqual({ me: { name: 'dashboard', roles: ['VIEWER'] } });
    const { clusters } = await client.request(ClustersDocument, { filter: { names: ['staging', 'prod-eu'] } });
    expect(clusters.map((c) => [c.name, c.status, c.hostCounts.total > 0])).toEqual([
      ['prod-eu', 'OK', true],
      ['staging', 'OK', true],
    ]);
    const { workloads } = await client.request(WorkloadsDocument, { filter: { clusters: ['staging'], image: 'acme/web' } });
    expect(workloads.nodes.map((w) => `${w.cluster.name}/${w.namespace}/${w.name} ${w.containers[0]!.image}`)).toEqual(['staging/acme-staging/web acme/web:2.4.0']);
  });

  it.each([
    ['a bad argument', () => gw.client({ token: ADMIN.token }).request(WorkloadsDocument, { filter: { labelSelector: '!!' } }), 'BAD_USER_INPUT', /labelSelector/],
    ['a refused token', () => gw.client({ token: 'not-a-token' }).request(MeDocument), 'UNAUTHENTICATED', /./],
    ['a missing role', () => gw.client({ token: VIEWER.token }).request(RolloutImageDocument, { input: { image: 'acme/web:9.0.0', dryRun: true } }), 'FORBIDDEN', /./],
    ['an unknown cluster', () => gw.client({ token: ADMIN.token }).request(RolloutImageDocument, { input: { image: 'acme/web:9.0.0', clusters: ['nowhere'] } }), 'BAD_USER_INPUT', /nowhere/],
  ])('rejects %s with the server message and code', async (_case, call, code, message) => {
    const err = await failure(call());
    expect(err.code).toBe(code);
    expect(err.message).toMatch(message);
    expect(err.errors[0]!.extensions?.code).toBe(code);
  });

  it('keeps partial data beside the errors with execute', async () => {
    const result = await gw.client({ token: ADMIN.token }).execute(WorkloadsDocument, { filter: { labelSelector: '!!' } });
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('names an unreachable server NETWORK_ERROR', async () => {
    const url = `http://127.0.0.1:${await closedPort()}/graphql`;
    const err = await failure(createFleetgraphClient({ url }).request(MeDocument));
    expect(err.code).toBe('NETWORK_ERROR');
    expect(err.message).toMatch(/ECONNREFUSED/);
  });

  it('follows an operation over graphql-ws until it has finished', async () => {
    const client = gw.client({ token: ADMIN.token });
    try {
      const { restartWorkloads: started } = await client.request(RestartWorkloadsDocument, { input: { workloads: [{ cluster: 'staging', namespace: 'acme-staging', kind: 'DEPLOYMENT', name: 'web' }] } });
      const seen: string[] = [];
      for await (const { operationUpdated } of client.subscribe(OperationUpdatedDocument, { id: started.id })) {
        seen.push(operationUpdated.status);
        if (!['PENDING', 'RUNNING'].includes(operationUpdated.status)) break;
      }
      expect(seen.at(-1)).toBe('SUCCEEDED');
    } finally {
      await client.dispose();
    }
  });

  it('ends a subscription with a refused token as UNAUTHENTICATED', async () => {
    const client = createFleetgraphClient({ url: gw.url, token: 'not-a-token', webSocketImpl: WebSocket });
    const err = await failure((async () => {
      for await (const _ of client.subscribe(OperationUpdatedDocument, {})) break;
    })());
    expect(err.code).toBe('UNAUTHENTICATED');
    await client.dispose();
  });
});
