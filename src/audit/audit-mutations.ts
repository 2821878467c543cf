// Every mutation leaves an audit entry: who, what, with which arguments, and how it ended.
// Done by wrapping the Mutation type's resolvers, so each mutation, present or future, is
// covered without knowing of it, over HTTP and WebSocket alike, and queries pay nothing.
import { GraphQLObjectType, GraphQLSchema, type GraphQLFieldConfig, type GraphQLFieldResolver, defaultFieldResolver } from 'graphql';
import { GatewayError, InternalServerError } from '../errors/index.js';
import type { Logger } from '../logging/index.js';
import { fromGlobalId } from '../model/ids.js';
import type { AuditEntry, AuditStore } from '../store/types.js';
import { redactSecrets } from './redact.js';

/** What the audit reads from each request's context. */
export interface AuditedContext {
  readonly principal: { readonly name: string };
  readonly store: { readonly audit: AuditStore };
}

export interface AuditMutationsOptions {
  logger: Logger;
  now?: () => Date;
}

/**
 * A copy of the schema whose mutations append to `ctx.store.audit` once they have run, and
 * before their answer is sent. A failed write is logged and the mutation's own result or
 * error goes out unchanged. The given schema is left as it was.
 */
export function auditMutations(schema: GraphQLSchema, { logger, now = () => new Date() }: AuditMutationsOptions): GraphQLSchema {
  const mutation = schema.getMutationType();
  if (!mutation) return schema;
  const config = mutation.toConfig();
  const fields = Object.fromEntries(
    Object.entries(config.fields).map(([name, field]) => [name, audited(name, field, { logger, now })]),
  );
  const replaced = new GraphQLObjectType({ ...config, fields });
  const schemaConfig = schema.toConfig();
  return new GraphQLSchema({
    ...schemaConfig,
    mutation: replaced,
    types: schemaConfig.types.map((type) => (type === mutation ? replaced : type)),
  });
}

type Field = GraphQLFieldConfig<unknown, AuditedContext>;

function audited(action: string, field: Field, { logger, now }: Required<AuditMutationsOptions>): Field {
  const resolve: GraphQLFieldResolver<unknown, AuditedContext> = field.resolve ?? defaultFieldResolver;
  return {
    ...field,
    async resolve(source, args, ctx, info) {
      const record = async (outcome: Pick<AuditEntry, 'outcome' | 'error' | 'operationId'>) => {
        const entry = { at: now(), principal: ctx.principal.name, action, args: redactSecrets(args) as Record<string, unknown>, ...outcome };
        try {
          await ctx.store.audit.append(entry);
        } catch (err) {
          logger.error({ err, audit: entry }, 'could not write the audit entry of a mutation');
        }
      };
      let result: unknown;
      try {
        result = await resolve(source, args, ctx, info);
      } catch (err) {
        await record({ outcome: 'FAILED', error: clientError(err), operationId: null });
        throw err;
      }
      await record({ outcome: 'SUCCEEDED', error: null, operationId: operationIdOf(result) });
      return result;
    },
  };
}

/** The error as the client sees it (src/errors/format-error.ts): others' details stay out of the audit. */
function clientError(err: unknown): { code: string; message: string } {
  const shown = err instanceof GatewayError ? err : new InternalServerError();
  return { code: shown.code, message: shown.message };
}

/** The store's id of the operation a mutation answered with, if it answered with one. */
function operationIdOf(result: unknown): string | null {
  if (typeof result !== 'object' || result === null) return null;
  const { kind, id } = result as { kind?: unknown; id?: unknown };
  if (kind !== 'Operation' || typeof id !== 'string') return null;
  const decoded = fromGlobalId(id);
  return decoded?.type === 'Operation' ? (decoded.parts[0] ?? null) : null;
}
