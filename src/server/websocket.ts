import type { Server } from 'node:http';
import type { GraphQLError, GraphQLSchema } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import type { ErrorFormatter } from '../errors/index.js';
import type { GatewayContext } from './context.js';
import { resultWithin, subscribeWithinLimits, type QueryGate, type QueryLimits } from '../limits/index.js';

export interface WebSocketOptions {
  server: Server;
  schema: GraphQLSchema;
  /** Called once per operation, as the HTTP side calls it once per request. */
  context: () => GatewayContext;
  /** The same masking the HTTP side applies: graphql-ws does not go through Apollo. */
  formatError: ErrorFormatter;
  /** Default /graphql, shared with HTTP. */
  path?: string;
  /** The HTTP side's query gate (src/limits). */
  gate: QueryGate;
  limits: Pick<QueryLimits, 'maxMessageBytes' | 'maxSubscriptionsPerSocket' | 'maxResponseBytes'>;
}

export interface WebSocketEndpoint {
  /** Closes every socket (1001 Going away) and the WebSocket server. */
  dispose(): Promise<void>;
}

/** graphql-ws on the HTTP server's upgrade requests, for subscriptions (and any operation). */
export function attachWebSocket({ server, schema, context, formatError, path = '/graphql', gate, limits }: WebSocketOptions): WebSocketEndpoint {
  const format = (errors: readonly GraphQLError[]) => errors.map((error) => formatError(error.toJSON(), error));
  // A larger message closes the socket with 1009 before it is buffered whole.
  const wss = new WebSocketServer({ server, path, maxPayload: limits.maxMessageBytes });
  const cleanup = useServer(
    {
      schema,
      context: () => context(),
      onSubscribe: subscribeWithinLimits({ schema, gate, maxSubscriptions: limits.maxSubscriptionsPerSocket }),
      onError: (_ctx, _id, _payload, errors) => format(errors),
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
