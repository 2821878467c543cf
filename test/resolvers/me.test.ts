// me and operations, executed on the gateway's schema with contexts from its context factory.
import { graphql, type GraphQLSchema } from 'graphql';
import { buildGatewaySchema } from '../../schema/build-schema.js';
import { toGlobalId } from '../../src/model/ids.js';
import { createMemoryOperationReader, type OperationRecord, type OperationReader } from '../../src/operations/index.js';
import { createContextFactory } from '../../src/server/context.js';
import type { GatewayServices } from '../../src/server/services.js';
import { startTestServices } from '../support/services.js';

const ROLLOUT: OperationRecord = {
  kind: 'Operation',
  id: toGlobalId('Operation', 'op-1'),
  operationKind: 'ROLLOUT',
  status: 'RUNNING',
  dryRun: false,
  requestedBy: 'anonymous',
  createdAt: new Date('2026-09-01T10:00:00Z'),
  startedAt: new Date('2026-09-01T10:00:01Z'),
  finishedAt: null,
  targets: [
    { cluster: 'prod-eu', kind: 'Deployment', namespace: 'acme-production', name: 'api', status: 'SUCCEEDED', fromImage: 'acme/api:1', toImage: 'acme/api:2', message: null, startedAt: null, finishedAt: null },
    { cluster: 'prod-us', kind: 'Deployment', namespace: 'acme-production', name: 'api', status: 'RUNNING', fromImage: 'acme/api:1', toImage: 'acme/api:2', message: null, startedAt: null, finishedAt: null },
  ],
  message: null,
};

describe('me and operations', () => {
  let schema: GraphQLSchema;
  let services: GatewayServices;
  const run = (source: string, variables: Record<string, unknown> = {}, operations: OperationReader = services.operations) =>
    graphql({ schema, source, variableValues: variables, contextValue: createContextFactory({ services: { ...services, operations } })() });

  beforeAll(async () => {
    schema = await buildGatewaySchema();
    services = await startTestServices();
  });
  afterAll(() => services.stop());

  it('is the ADMIN "local", with every role, while no access file is configured', async () => {
    expect(await run('{ me { name roles } }')).toEqual({ data: { me: { name: 'local', roles: ['VIEWER', 'OPERATOR', 'ADMIN'] } } });
  });

  it('has no operations until the store that keeps them comes', async () => {
    const { data, errors } = await run(`query($id: ID!) {
      operations { totalCount nodes { id } edges { cursor } pageInfo { hasNextPage endCursor } }
      operation(id: $id) { id } node(id: $id) { id } }`, { id: ROLLOUT.id });
    expect(errors).toBeUndefined();
    expect(data).toEqual({
      operations: { totalCount: 0, nodes: [], edges: [], pageInfo: { hasNextPage: false, endCursor: null } },
      operation: null,
      node: null,
    });
  });

  it('reads operations through the reader the context is given', async () => {
    const operations = createMemoryOperationReader({ operations: [ROLLOUT] });
    const { data, errors } = await run(
      `query($id: ID!) {
        all: operations(filter: { kinds: [ROLLOUT], clusters: ["prod-us"] }) { totalCount nodes { id kind status progress targets { cluster kind status } } }
        none: operations(filter: { status: [FAILED] }) { totalCount }
        operation(id: $id) { id requestedBy createdAt startedAt finishedAt dryRun }
        node(id: $id) { __typename id } }`,
      { id: ROLLOUT.id },
      operations,
    );
    expect(errors).toBeUndefined();
    expect(data).toEqual({
      all: {
        totalCount: 1,
        nodes: [
          {
            id: ROLLOUT.id,
            kind: 'ROLLOUT',
            status: 'RUNNING',
            progress: 0.5,
            targets: [
              { cluster: 'prod-eu', kind: 'Deployment', status: 'SUCCEEDED' },
              { cluster: 'prod-us', kind: 'Deployment', status: 'RUNNING' },
            ],
          },
        ],
      },
      none: { totalCount: 0 },
      // In process the DateTime scalar hands Dates over; HTTP sends them as ISO text.
      operation: { id: ROLLOUT.id, requestedBy: 'anonymous', createdAt: ROLLOUT.createdAt, startedAt: ROLLOUT.startedAt, finishedAt: null, dryRun: false },
      node: { __typename: 'Operation', id: ROLLOUT.id },
    });
  });
});
