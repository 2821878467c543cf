import { Writable } from 'node:stream';
import { GraphQLID, GraphQLNonNull, GraphQLObjectType, GraphQLSchema, GraphQLString, graphql } from 'graphql';
import { auditMutations, isSecretName, redactSecrets } from '../../src/audit/index.js';
import { ConflictError } from '../../src/errors/index.js';
import { createLogger } from '../../src/logging/index.js';
import { toGlobalId } from '../../src/model/ids.js';
import { createEmbeddedStore, type AuditStore, type GatewayStore } from '../../src/store/index.js';

describe('secret names', () => {
  it.each([
    ['token', true],
    ['certificateAuthorityData', true],
    ['clientKeyData', true],
    ['apiKey', true],
    ['privateKey', true],
    ['dbPassword', true],
    ['clientSecret', true],
    ['bearerToken', true],
    ['key', false],
    ['idempotencyKey', false],
    ['name', false],
    ['server', false],
    ['insecureSkipTlsVerify', false],
  ])('%s: %s', (name, secret) => expect(isSecretName(name)).toBe(secret));

  it('redacts at any depth, keeps nulls and dates, and makes class instances plain', () => {
    class Input {
      name = 'edge';
      token = 't0k3n';
      certificateAuthorityData = null;
      labels = [{ key: 'tier', value: 'edge' }];
      nested = { auth: { password: 'pw' }, at: new Date(0) };
    }
    expect(redactSecrets({ input: new Input(), idempotencyKey: 'k' })).toEqual({
      input: { name: 'edge', token: '[redacted]', certificateAuthorityData: null, labels: [{ key: 'tier', value: 'edge' }], nested: { auth: { password: '[redacted]' }, at: new Date(0) } },
      idempotencyKey: 'k',
    });
  });
});

// A two-mutation schema: enough to see the wrapping, whatever resolvers the gateway has.
function schema(): GraphQLSchema {
  const Operation = new GraphQLObjectType({ name: 'Operation', fields: { id: { type: new GraphQLNonNull(GraphQLID) } } });
  return new GraphQLSchema({
    query: new GraphQLObjectType({ name: 'Query', fields: { ok: { type: GraphQLString, resolve: () => 'ok' } } }),
    mutation: new GraphQLObjectType({
      name: 'Mutation',
      fields: {
        start: { type: Operation, args: { secretValue: { type: GraphQLString } }, resolve: () => ({ kind: 'Operation', id: toGlobalId('Operation', 'op-1') }) },
        clash: { type: GraphQLString, resolve: () => Promise.reject(new ConflictError('taken')) },
        crash: { type: GraphQLString, resolve: () => Promise.reject(new Error('db password is hunter2')) },
      },
    }),
  });
}

function capturedLogs() {
  const lines: Record<string, unknown>[] = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      lines.push(JSON.parse(String(chunk)) as Record<string, unknown>);
      done();
    },
  });
  return { logger: createLogger({ level: 'error', destination }), lines };
}

const AT = new Date('2026-09-01T00:00:00Z');

async function run(source: string, store: Pick<GatewayStore, 'audit'>) {
  const { logger, lines } = capturedLogs();
  const audited = auditMutations(schema(), { logger, now: () => AT });
  const result = await graphql({ schema: audited, source, contextValue: { principal: { name: 'alice' }, store } });
  return { result, lines };
}

describe('auditing mutations', () => {
  let store: GatewayStore;
  beforeEach(() => {
    store = createEmbeddedStore({ inMemoryOnly: true });
  });
  afterEach(() => store.close());

  it('records a success with its redacted arguments and the operation it started', async () => {
    const { result } = await run('mutation { start(secretValue: "s3cret") { id } }', store);
    expect(result.errors).toBeUndefined();
    expect(await store.audit.list()).toEqual([
      { id: expect.any(String), at: AT, principal: 'alice', action: 'start', args: { secretValue: '[redacted]' }, outcome: 'SUCCEEDED', error: null, operationId: 'op-1' },
    ]);
  });

  it.each([
    ['a client error as it is', 'clash', { code: 'CONFLICT', message: 'taken' }],
    ['any other error as clients see it', 'crash', { code: 'INTERNAL_SERVER_ERROR', message: 'Internal server error' }],
  ])('records a failure with %s', async (_, action, error) => {
    const { result } = await run(`mutation { ${action} }`, store);
    expect(result.errors).toHaveLength(1);
    expect(await store.audit.list()).toMatchObject([{ action, outcome: 'FAILED', error, operationId: null }]);
  });

  it('leaves queries alone', async () => {
    await run('{ ok }', store);
    expect(await store.audit.list()).toEqual([]);
  });

  it('still answers when the audit cannot be written, and logs why', async () => {
    const broken: AuditStore = { append: () => Promise.reject(new Error('disk full')), list: async () => [] };
    const { result, lines } = await run('mutation { start { id } clash }', { audit: broken });
    expect(result.data).toEqual({ start: { id: toGlobalId('Operation', 'op-1') }, clash: null });
    expect(result.errors?.map((e) => e.message)).toEqual(['taken']);
    expect(lines.map((l) => [l.msg, (l.err as { message: string }).message, (l.audit as { action: string }).action])).toEqual([
      ['could not write the audit entry of a mutation', 'disk full', 'start'],
      ['could not write the audit entry of a mutation', 'disk full', 'clash'],
    ]);
  });

  it('leaves the given schema unaudited, so wrapping twice never records twice', async () => {
    const plain = schema();
    auditMutations(plain, { logger: capturedLogs().logger });
    await graphql({ schema: plain, source: 'mutation { start { id } }', contextValue: { principal: { name: 'alice' }, store } });
    expect(await store.audit.list()).toEqual([]);
  });
});
