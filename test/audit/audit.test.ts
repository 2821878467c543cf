// The wrapping that audits every mutation attempt, on a small schema of its own: the entry
// is written before the mutation runs and settled after, whatever happens in between.
import { Writable } from 'node:stream';
import { GraphQLID, GraphQLNonNull, GraphQLObjectType, GraphQLSchema, GraphQLString, graphql } from 'graphql';
import { auditMutations } from '../../src/audit/index.js';
import { BadUserInputError, ConflictError } from '../../src/errors/index.js';
import { createLogger } from '../../src/logging/index.js';
import { toGlobalId } from '../../src/model/ids.js';
import { createEmbeddedStore, type AuditEntry, type AuditStore, type GatewayStore } from '../../src/store/index.js';

const AT = new Date('2026-09-01T00:00:00Z');

// Mutations that succeed, fail in each way, and look at the audit while they run.
function schema(store: Pick<GatewayStore, 'audit'>, ran: string[]): GraphQLSchema {
  const Operation = new GraphQLObjectType({ name: 'Operation', fields: { id: { type: new GraphQLNonNull(GraphQLID) } } });
  const run = <T>(name: string, answer: () => T) => () => {
    ran.push(name);
    return answer();
  };
  return new GraphQLSchema({
    query: new GraphQLObjectType({ name: 'Query', fields: { ok: { type: GraphQLString, resolve: () => 'ok' } } }),
    mutation: new GraphQLObjectType({
      name: 'Mutation',
      fields: {
        start: { type: Operation, args: { secretValue: { type: GraphQLString } }, resolve: run('start', () => ({ kind: 'Operation', id: toGlobalId('Operation', 'op-1') })) },
        clash: { type: GraphQLString, resolve: run('clash', () => Promise.reject(new ConflictError('taken'))) },
        refuse: { type: GraphQLString, resolve: run('refuse', () => Promise.reject(new BadUserInputError('token=s3cr3t is not accepted'))) },
        crash: { type: GraphQLString, resolve: run('crash', () => Promise.reject(new Error('db password is hunter2'))) },
        throwNow: { type: GraphQLString, resolve: run('throwNow', () => { throw new RangeError('Maximum call stack size exceeded'); }) },
        peek: { type: GraphQLString, resolve: run('peek', async () => (await store.audit.list({ limit: 1 }))[0]?.outcome) },
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

async function run(source: string, store: Pick<GatewayStore, 'audit'>) {
  const { logger, lines } = capturedLogs();
  const ran: string[] = [];
  const audited = auditMutations(schema(store, ran), { logger, now: () => AT });
  const result = await graphql({ schema: audited, source, contextValue: { principal: { name: 'alice' }, store } });
  return { result, lines, ran };
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
      { id: expect.any(String), at: AT, principal: 'alice', action: 'start', args: { secretValue: '[redacted]' }, outcome: 'SUCCEEDED', error: null, operationId: 'op-1', finishedAt: AT },
    ]);
  });

  it('writes the attempt before the mutation runs', async () => {
    const { result } = await run('mutation { peek }', store);
    expect(result.data).toEqual({ peek: 'PENDING' });
    expect(await store.audit.list()).toMatchObject([{ action: 'peek', outcome: 'SUCCEEDED' }]);
  });

  it.each([
    ['a client error as it is', 'clash', { code: 'CONFLICT', message: 'taken' }],
    ['a client error, secrets in its message redacted', 'refuse', { code: 'BAD_USER_INPUT', message: 'token=[redacted] is not accepted' }],
    ['any other error as clients see it', 'crash', { code: 'INTERNAL_SERVER_ERROR', message: 'Internal server error' }],
    ['an error thrown at once', 'throwNow', { code: 'INTERNAL_SERVER_ERROR', message: 'Internal server error' }],
  ])('records a failure with %s', async (_, action, error) => {
    const { result } = await run(`mutation { ${action} }`, store);
    expect(result.errors).toHaveLength(1);
    expect(await store.audit.list()).toEqual([expect.objectContaining({ action, outcome: 'FAILED', error, operationId: null, finishedAt: AT })]);
  });

  it('leaves queries alone', async () => {
    await run('{ ok }', store);
    expect(await store.audit.list()).toEqual([]);
  });

  it('refuses a mutation whose attempt cannot be recorded, before it runs, and says so loudly', async () => {
    const broken: AuditStore = { ...store.audit, append: () => Promise.reject(new Error('disk full')) };
    const { result, lines, ran } = await run('mutation { start { id } }', { audit: broken });
    expect(result.data).toEqual({ start: null });
    expect(result.errors?.map((e) => e.extensions.code)).toEqual(['INTERNAL_SERVER_ERROR']);
    expect(ran).toEqual([]);
    expect(lines.map((l) => [l.level, l.msg, (l.err as { message: string }).message])).toEqual([
      [50, 'AUDIT WRITE FAILED: start by alice was refused, nothing changed', 'disk full'],
    ]);
  });

  it('answers as the mutation did when its outcome cannot be recorded, logging it and leaving the entry PENDING', async () => {
    const unsettled: AuditStore = { ...store.audit, settle: () => Promise.reject(new Error('disk full')) };
    const { result, lines } = await run('mutation { start { id } clash }', { audit: unsettled });
    expect(result.data).toEqual({ start: { id: toGlobalId('Operation', 'op-1') }, clash: null });
    expect(result.errors?.map((e) => e.message)).toEqual(['taken']);
    expect(lines.map((l) => [l.msg, (l.audit as AuditEntry).outcome])).toEqual([
      ['AUDIT WRITE FAILED: the outcome of start by alice was not recorded; its entry stays PENDING', 'SUCCEEDED'],
      ['AUDIT WRITE FAILED: the outcome of clash by alice was not recorded; its entry stays PENDING', 'FAILED'],
    ]);
    expect((await store.audit.list()).map((e) => [e.action, e.outcome])).toEqual([['clash', 'PENDING'], ['start', 'PENDING']]);
  });

  it('leaves the given schema unaudited, so wrapping twice never records twice', async () => {
    const plain = schema(store, []);
    auditMutations(plain, { logger: capturedLogs().logger });
    await graphql({ schema: plain, source: 'mutation { start { id } }', contextValue: { principal: { name: 'alice' }, store } });
    expect(await store.audit.list()).toEqual([]);
  });
});
