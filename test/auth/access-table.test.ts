// Every root field of the built schema, called with no credentials and with each role: the
// outcome must be what src/auth/access.ts says, so a field added without an entry, or with
// the wrong one, fails here (and the gateway refuses to start: guardRootFields).
import {
  type GraphQLArgument,
  type GraphQLInputType,
  type GraphQLSchema,
  GraphQLEnumType,
  GraphQLInputObjectType,
  GraphQLList,
  GraphQLNonNull,
  GraphQLObjectType,
  GraphQLString,
  type GraphQLScalarType,
  getNamedType,
  graphql,
  isLeafType,
  parse,
  subscribe,
} from 'graphql';
import { buildGatewaySchema } from '../../schema/build-schema.js';
import { AccessTableError, LOCAL_PRINCIPAL, ROLES, ROOT_ACCESS, UNAUTHENTICATED_PRINCIPAL, EVERYWHERE, guardRootFields, type Principal, type Role } from '../../src/auth/index.js';
import { createContextFactory } from '../../src/server/context.js';
import type { GatewayServices } from '../../src/server/services.js';
import { startTestServices } from '../support/services.js';

type RootName = keyof typeof ROOT_ACCESS;
const ROOTS: RootName[] = ['Query', 'Mutation', 'Subscription'];

/** A value of the argument's type: only required fields, each the first value its type allows. */
function sample(type: GraphQLInputType): unknown {
  if (type instanceof GraphQLNonNull) return sample(type.ofType);
  if (type instanceof GraphQLList) return [sample(type.ofType)];
  if (type instanceof GraphQLEnumType) return type.getValues()[0]!.value;
  if (type instanceof GraphQLInputObjectType) {
    const fields = Object.values(type.getFields()).filter((f) => f.type instanceof GraphQLNonNull);
    return Object.fromEntries(fields.map((f) => [f.name, sample(f.type)]));
  }
  const scalar = type as GraphQLScalarType;
  return { Int: 1, Float: 1, Boolean: false, JSONObject: {} }[scalar.name] ?? 'x';
}

/** `query($a: T!) { field(a: $a) { __typename } }` with sampled variables. */
function callOf(root: RootName, name: string, args: readonly GraphQLArgument[], type: unknown): { source: string; variables: Record<string, unknown> } {
  const required = args.filter((a) => a.type instanceof GraphQLNonNull);
  const declared = required.map((a) => `$${a.name}: ${String(a.type)}`).join(', ');
  const passed = required.map((a) => `${a.name}: $${a.name}`).join(', ');
  const selection = isLeafType(getNamedType(type as never)) ? '' : ' { __typename }';
  const source = `${root.toLowerCase()}${declared ? `(${declared})` : ''} { ${name}${passed ? `(${passed})` : ''}${selection} }`;
  return { source, variables: Object.fromEntries(required.map((a) => [a.name, sample(a.type)])) };
}

const principal = (roles: Role[]): Principal => ({ name: 'tester', roles, scope: EVERYWHERE, authenticated: true });
const CALLERS: [string, Principal, number][] = [
  ['no credentials', UNAUTHENTICATED_PRINCIPAL, -1],
  ['no role', principal([]), -1],
  ['VIEWER', principal(['VIEWER']), 0],
  ['OPERATOR', principal(['VIEWER', 'OPERATOR']), 1],
  ['ADMIN', principal([...ROLES]), 2],
];

let schema: GraphQLSchema;
let services: GatewayServices;
beforeAll(async () => {
  schema = guardRootFields(await buildGatewaySchema());
  services = await startTestServices();
});
afterAll(() => services.stop());

/** The error codes one call answers; on services with no clusters, so no fleet anywhere changes. */
async function codesOf(root: RootName, field: string, caller: Principal): Promise<string[]> {
  const type = schema.getRootType(root.toLowerCase() as never)!.getFields()[field]!;
  const { source, variables } = callOf(root, field, type.args, type.type);
  const contextValue = createContextFactory({ services })(caller);
  const result =
    root === 'Subscription'
      ? await subscribe({ schema, document: parse(source), variableValues: variables, contextValue })
      : await graphql({ schema, source, variableValues: variables, contextValue });
  if (Symbol.asyncIterator in result) {
    await result.return?.();
    return [];
  }
  return (result.errors ?? []).map((e) => String(e.extensions.code ?? e.message));
}

const fields = () => ROOTS.flatMap((root) => Object.keys(ROOT_ACCESS[root]).map((field) => [root, field] as const));

describe('the access table', () => {
  it('has an entry for every root field of the schema, and a field for every entry', async () => {
    const schemaFields = ROOTS.flatMap((root) => Object.keys(schema.getRootType(root.toLowerCase() as never)?.getFields() ?? {}).map((f) => `${root}.${f}`));
    expect(schemaFields.sort()).toEqual(fields().map(([root, field]) => `${root}.${field}`).sort());
  });

  it.each(fields())('%s.%s answers as its entry says for callers without credentials and with each role', async (root, field) => {
    const required = ROLES.indexOf((ROOT_ACCESS[root] as Record<string, { role: Role }>)[field]!.role);
    for (const [who, caller, rank] of CALLERS) {
      const codes = await codesOf(root, field, caller);
      const expected = !caller.authenticated ? ['UNAUTHENTICATED'] : rank < required ? ['FORBIDDEN'] : undefined;
      if (expected) expect({ who, codes }).toEqual({ who, codes: expected });
      else expect({ who, codes: codes.filter((c) => c === 'UNAUTHENTICATED' || c === 'FORBIDDEN') }).toEqual({ who, codes: [] });
    }
  });

  it('grants what the issue says: VIEWER reads, OPERATOR runs changes, ADMIN shapes the fleet', () => {
    const byRole = (root: RootName, role: Role) => Object.entries(ROOT_ACCESS[root] as Record<string, { role: Role }>).filter(([, a]) => a.role === role).map(([f]) => f).sort();
    expect(byRole('Mutation', 'OPERATOR')).toEqual(
      ['cancelOperation', 'cordonHost', 'pauseWorkload', 'restartHosts', 'restartWorkloads', 'resumeWorkload', 'rollbackWorkload', 'rolloutImage', 'scaleWorkload', 'uncordonHost'],
    );
    expect(byRole('Mutation', 'ADMIN')).toEqual(['createEnvironment', 'deleteEnvironment', 'deployWorkload', 'deleteWorkload', 'registerCluster', 'unregisterCluster', 'updateEnvironment'].sort());
    expect(byRole('Mutation', 'VIEWER')).toEqual([]);
    expect(byRole('Query', 'ADMIN')).toEqual(['auditLog']);
    expect(byRole('Query', 'VIEWER')).toEqual(Object.keys(ROOT_ACCESS.Query).filter((f) => f !== 'auditLog').sort());
    expect(byRole('Subscription', 'VIEWER')).toEqual(Object.keys(ROOT_ACCESS.Subscription).sort());
  });

  it('gives the local principal of a gateway without an access file every role', () => {
    expect(LOCAL_PRINCIPAL).toMatchObject({ name: 'local', roles: ['VIEWER', 'OPERATOR', 'ADMIN'], authenticated: true });
  });

  it('refuses a schema with a root field the table does not know', async () => {
    const extra = new GraphQLObjectType({ name: 'Query', fields: { ...schema.getQueryType()!.toConfig().fields, secrets: { type: GraphQLString } } });
    const { GraphQLSchema: Schema } = await import('graphql');
    const widened = new Schema({ ...schema.toConfig(), query: extra, types: [] });
    expect(() => guardRootFields(widened)).toThrow(AccessTableError);
    expect(() => guardRootFields(widened)).toThrow('Query.secrets has no entry in src/auth/access.ts');
  });
});
