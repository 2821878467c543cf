// Every mutation attempt leaves an audit entry: who, what, with which arguments, and how it
// ended. Done by wrapping the Mutation type's resolvers, so each mutation, present or future,
// is covered without knowing of it, over HTTP and WebSocket alike, and queries pay nothing.
//
// The attempt is written BEFORE the mutation runs (outcome PENDING), then settled as
// SUCCEEDED or FAILED. So a gateway that dies mid-mutation still leaves a record, and a
// mutation whose attempt cannot be recorded is refused (INTERNAL_SERVER_ERROR) before it
// changes anything: nothing changes the fleet unaudited. A failure to settle is logged at
// error level with the whole entry; the mutation's own answer goes out unchanged and the
// stored entry stays PENDING, which tells a reader the outcome was never recorded.
import { GraphQLObjectType, GraphQLSchema, type GraphQLFieldConfig, type GraphQLFieldResolver, defaultFieldResolver } from 'graphql';
import { GatewayError, InternalServerError } from '../errors/index.js';
import type { Logger } from '../logging/index.js';
import { fromGlobalId } from '../model/ids.js';
import type { AuditEntry, AuditSettlement, AuditStore } from '../store/types.js';
import { auditArgs } from './redact.js';
import { redactText } from './secret-values.js';

/** What the audit reads from each request's context. */
export interface AuditedContext {
  readonly principal: { readonly name: string };
  readonly store: { readonly audit: AuditStore };
}

export interface AuditMutationsOptions {
  logger: Logger;
  now?: () => Date;
}

/** A copy of the schema whose mutations are audited as above. The given schema is left as it was. */
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

function audited(action: string, field: Field, options: Required<AuditMutationsOptions>): Field {
  const resolve: GraphQLFieldResolver<unknown, AuditedContext> = field.resolve ?? defaultFieldResolver;
  return {
    ...field,
    async resolve(source, args, ctx, info) {
      const entry = await begin(action, args, ctx, options);
      let result: unknown;
      try {
        result = await resolve(source, args, ctx, info);
      } catch (err) {
        await settle(entry, ctx, { outcome: 'FAILED', error: clientError(err), operationId: null, finishedAt: options.now() }, options.logger);
        throw err;
      }
      await settle(entry, ctx, { outcome: 'SUCCEEDED', error: null, operationId: operationIdOf(result), finishedAt: options.now() }, options.logger);
      return result;
    },
  };
}

/** Writes the attempt; refuses the mutation when it cannot. */
async function begin(action: string, args: Record<string, unknown>, ctx: AuditedContext, { logger, now }: Required<AuditMutationsOptions>): Promise<AuditEntry> {
  const attempt = { at: now(), principal: ctx.principal.name, action, args: recordedArgs(args, action, logger), outcome: 'PENDING' as const, error: null, operationId: null, finishedAt: null };
  try {
    return await ctx.store.audit.append(attempt);
  } catch (err) {
    logger.error({ err, audit: attempt }, `AUDIT WRITE FAILED: ${action} by ${attempt.principal} was refused, nothing changed`);
    throw new InternalServerError();
  }
}

async function settle(entry: AuditEntry, ctx: AuditedContext, end: AuditSettlement, logger: Logger): Promise<void> {
  try {
    await ctx.store.audit.settle(entry.id, end);
  } catch (err) {
    logger.error({ err, audit: { ...entry, ...end } }, `AUDIT WRITE FAILED: the outcome of ${entry.action} by ${entry.principal} was not recorded; its entry stays PENDING`);
  }
}

// auditArgs is bounded and should not throw; if it ever does, the attempt is still recorded.
function recordedArgs(args: Record<string, unknown>, action: string, logger: Logger): Record<string, unknown> {
  try {
    return auditArgs(args);
  } catch (err) {
    logger.error({ err, action }, 'the arguments of a mutation could not be recorded in the audit');
    return { '[unrecorded]': 'the arguments could not be recorded' };
  }
}

/** The error as the client sees it (src/errors/format-error.ts): others' details stay out of the audit. */
function clientError(err: unknown): { code: string; message: string } {
  const shown = err instanceof GatewayError ? err : new InternalServerError();
  return { code: shown.code, message: redactText(shown.message) };
}

/** The store's id of the operation a mutation answered with, if it answered with one. */
function operationIdOf(result: unknown): string | null {
  if (typeof result !== 'object' || result === null) return null;
  const { kind, id } = result as { kind?: unknown; id?: unknown };
  if (kind !== 'Operation' || typeof id !== 'string') return null;
  const decoded = fromGlobalId(id);
  return decoded?.type === 'Operation' ? (decoded.parts[0] ?? null) : null;
}
