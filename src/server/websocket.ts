import type { Server } from 'node:http';
import type { DocumentNode, GraphQLError, GraphQLSchema } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import type { ErrorFormatter } from '../errors/index.js';
import type { Principal } from '../auth/index.js';
import type { WebSocketAccess } from './access.js';
import type { GatewayContext } from './context.js';
import { resultWithin, subscribeWithinLimits, type QueryGate, type QueryLimits } from '../limits/index.js';

export interface WebSocketOptions {
  server: Server;
  schema: GraphQLSchema;
  /** Called once per operation, as the HTTP side calls it once per request, with the socket's principal. */
  context: (principal?: Principal) => GatewayContext;
  /** The same masking the HTTP side applies: graphql-ws does not go through Apollo. */
  formatError: ErrorFormatter;
  /** Default /graphql, shared with HTTP. */
  path?: string;
  /** The HTTP side's query gate (src/limits). */
  gate: QueryGate;
  limits: Pick<QueryLimits, 'maxMessageBytes' | 'maxSubscriptionsPerSocket' | 'maxResponseBytes'>;
  /** Origin/Host check of the upgrade and authentication at connection_init (access.ts). Default: none, every socket LOCAL. */
  access?: WebSocketAccess;
  /** Told of each operation as it starts, or fails before starting (logs, metrics). Default none. */
  observe?: (event: WebSocketOperationEvent) => void;
}

export interface WebSocketOperationEvent {
  /** the operation, once graphql-ws has parsed and validated it; undefined when it failed before */
  document?: DocumentNode;
  operationName?: string | null;
  principal: string | null;
  /** the codes of the errors it ended with before starting; empty when it started */
  errorCodes: string[];
}

export interface WebSocketEndpoint {
  /** Closes every socket (1001 Going away) and the WebSocket server. */
  dispose(): Promise<void>;
}

/** graphql-ws on the HTTP server's upgrade requests, for subscriptions (and any operation). */
export function attachWebSocket({ server, schema, context, formatError, path = '/graphql', gate, limits, access, observe }: WebSocketOptions): WebSocketEndpoint {
  const format = (errors: readonly GraphQLError[]) => errors.map((error) => formatError(error.toJSON(), error));
  // A larger message closes the socket with 1009 before it is buffered whole.
  const wss = new WebSocketServer({ server, path, maxPayload: limits.maxMessageBytes, verifyClient: access?.verifyClient });
  const cleanup = useServer(
    {
      schema,
      onConnect: access && ((ctx) => access.onConnect(ctx)),
      context: (ctx) => context(access?.principalOf(ctx)),
      onSubscribe: subscribeWithinLimits({ schema, gate, maxSubscriptions: limits.maxSubscriptionsPerSocket }),
      onOperation: observe && ((ctx, _id, payload, args) => void observe({ document: args.document, operationName: payload.operationName, principal: access?.principalOf(ctx).name ?? null, errorCodes: [] })),
      onError: (ctx, _id, payload, errors) => {
        const formatted = format(errors);
        observe?.({ operationName: payload.operationName, principal: access?.principalOf(ctx).name ?? null, errorCodes: formatted.map((e) => String(e.extensions?.code ?? 'UNKNOWN')) });
        return formatted;
      },
      onNext: (_ctx, _id, _payload, args, result) => {
        const failed = (args.contextValue as GatewayContext).clusterErrors.list();
        const formatted = { ...result, errors: [...(result.errors ? format(result.errors) : []), ...failed.map((e) => e.toJSON())] };
        return resultWithin(formatted.errors.length > 0 ? formatted : { ...result, errors: undefined }, limits.maxResponseBytes);
      },
    },
    wss,
  );
  return { dispose: async () => cleanup.dispose() };
}
