// Applies the access table (access.ts) to a schema: each root field checks the caller before
// its resolver (for subscriptions: before subscribing) runs. Done by wrapping the root types,
// as src/audit wraps mutations, so no resolver carries a check of its own to forget.
import { GraphQLObjectType, GraphQLSchema, type GraphQLFieldConfig, type GraphQLFieldResolver, defaultFieldResolver } from 'graphql';
import { ForbiddenError, UnauthenticatedError } from '../errors/index.js';
import { FEDERATION_QUERY_ACCESS, ROOT_ACCESS, type MutationAccess, type ReadAccess } from './access.js';
import type { Principal } from './principal.js';
import { requireRole } from './require-role.js';
import { covers } from './scope.js';

/** What the guard reads from each request's context. */
export interface GuardedContext {
  readonly principal: Principal;
}

type RootName = keyof typeof ROOT_ACCESS;
/** A table entry of any root type. */
type Access = ReadAccess | MutationAccess;
type Field = GraphQLFieldConfig<unknown, GuardedContext>;

/** A root field with no entry in the table, or an entry with no field: the gateway must not start. */
export class AccessTableError extends Error {
  override readonly name = 'AccessTableError';
}

/**
 * Checks `principal` for one root field: UNAUTHENTICATED without credentials, FORBIDDEN without
 * the role or when the mutation's arguments reach outside the principal's scope.
 */
export function authorize(principal: Principal, field: string, access: Access, args: Record<string, unknown>): void {
  if (!principal.authenticated) throw new UnauthenticatedError(`${field} needs credentials: send Authorization: Bearer <token>`);
  requireRole(principal, access.role, field);
  if (access.reach && !covers(principal.scope, access.reach(args))) {
    throw new ForbiddenError(`${field} would reach clusters or namespaces outside the scope of ${principal.name}`);
  }
}

/**
 * A copy of the schema whose root fields check the caller first. The given schema is left as it was.
 * @throws AccessTableError naming every root field without an entry (and every entry without a field)
 */
export function guardRootFields(schema: GraphQLSchema): GraphQLSchema {
  const roots: Record<RootName, GraphQLObjectType | null | undefined> = { Query: schema.getQueryType(), Mutation: schema.getMutationType(), Subscription: schema.getSubscriptionType() };
  checkTable(roots);
  const replaced = new Map<GraphQLObjectType, GraphQLObjectType>();
  for (const [root, type] of Object.entries(roots) as [RootName, GraphQLObjectType | null | undefined][]) {
    if (!type) continue;
    const config = type.toConfig();
    const table: Readonly<Record<string, Access>> = tableOf(root, type);
    const fields = Object.fromEntries(Object.entries(config.fields).map(([name, field]) => [name, guarded(name, root, field, table[name]!)]));
    replaced.set(type, new GraphQLObjectType({ ...config, fields }));
  }
  const swap = (type: GraphQLObjectType | null | undefined) => (type ? (replaced.get(type) ?? type) : type);
  const config = schema.toConfig();
  return new GraphQLSchema({
    ...config,
    query: swap(config.query),
    mutation: swap(config.mutation),
    subscription: swap(config.subscription),
    types: config.types.map((type) => (type instanceof GraphQLObjectType ? swap(type)! : type)),
  });
}

/** Every root field has an entry, and every entry a field. */
export function checkTable(roots: Record<RootName, GraphQLObjectType | null | undefined>): void {
  const problems: string[] = [];
  for (const root of Object.keys(ROOT_ACCESS) as RootName[]) {
    const fields = Object.keys(roots[root]?.getFields() ?? {});
    const entries = Object.keys(tableOf(root, roots[root]));
    for (const field of fields) if (!entries.includes(field)) problems.push(`${root}.${field} has no entry in src/auth/access.ts`);
    for (const entry of entries) if (!fields.includes(entry)) problems.push(`src/auth/access.ts names ${root}.${entry}, which the schema does not have`);
  }
  if (problems.length > 0) throw new AccessTableError(`The access table does not match the schema:\n  ${problems.join('\n  ')}`);
}

/** A root's table; Query's has the federation fields' entries when the schema is a subgraph's. */
function tableOf(root: RootName, type: GraphQLObjectType | null | undefined): Readonly<Record<string, Access>> {
  const federated = root === 'Query' && type?.getFields()._service !== undefined;
  return federated ? { ...ROOT_ACCESS.Query, ...FEDERATION_QUERY_ACCESS } : ROOT_ACCESS[root];
}

function guarded(name: string, root: RootName, field: Field, access: Access): Field {
  if (root === 'Subscription') {
    const subscribe = field.subscribe ?? defaultFieldResolver;
    return { ...field, subscribe: (source, args, ctx, info) => (authorize(ctx.principal, name, access, args), subscribe(source, args, ctx, info)) };
  }
  const resolve: GraphQLFieldResolver<unknown, GuardedContext> = field.resolve ?? defaultFieldResolver;
  return { ...field, resolve: (source, args, ctx, info) => (authorize(ctx.principal, name, access, args), resolve(source, args, ctx, info)) };
}
