// graphql-ws under the same limits as HTTP, plus the socket's own: operations open at once.
// Parsing and validation happen here, in onSubscribe, so a syntax error, a validation error
// or a refused query answers that subscription's id with an `error` message; left to
// graphql-ws, a syntax error throws out of its message handler and closes the whole socket (4500).
import { type ExecutionArgs, type GraphQLError, type GraphQLSchema, validate } from 'graphql';
import type { SubscribePayload } from 'graphql-ws';
import { QueryLimitError } from './errors.js';
import type { QueryGate } from './gate.js';

export interface SocketLimitsOptions {
  schema: GraphQLSchema;
  gate: QueryGate;
  /** WS_MAX_SUBSCRIPTIONS */
  maxSubscriptions: number;
}

/** graphql-ws's onSubscribe: the execution arguments of an accepted operation, or the errors for its id. */
export function subscribeWithinLimits({ schema, gate, maxSubscriptions }: SocketLimitsOptions) {
  return (ctx: { readonly subscriptions: Record<string, unknown> }, _id: string, payload: SubscribePayload): ExecutionArgs | readonly GraphQLError[] => {
    // graphql-ws has already entered this id.
    const open = Object.keys(ctx.subscriptions).length;
    if (open > maxSubscriptions) return [QueryLimitError.exceeded('subscriptions', 'operations open on this socket', open, maxSubscriptions)];
    const checked = gate.check({ query: payload.query, variables: payload.variables });
    if (checked.errors) return checked.errors;
    const invalid = validate(schema, checked.document);
    if (invalid.length > 0) return invalid;
    return { schema, document: checked.document, variableValues: payload.variables, operationName: payload.operationName };
  };
}
