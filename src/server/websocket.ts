import type { Server } from 'node:http';
import { type DocumentNode, type ExecutionArgs, type ExecutionResult, type FieldNode, type FormattedExecutionResult, type GraphQLError, type GraphQLSchema, getOperationAST, locatedError } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { type WebSocket, WebSocketServer } from 'ws';
import type { ErrorFormatter } from '../errors/index.js';
import type { Principal } from '../auth/index.js';
import { SubscriberTooSlowError } from '../events/index.js';
import { asksForInitialState, createSharedExecution } from '../subscriptions/index.js';
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
  /** Subscription groups running now (src/subscriptions): one execution each, whatever their subscribers. */
  subscriptionGroups(): { key: string; subscribers: number }[];
}

/** A subscription event as every subscriber of its group is sent it: formatted, bounded and serialized once. */
class SharedResult {
  private serialized?: string;
  constructor(readonly payload: FormattedExecutionResult) {}
  get json(): string {
    return (this.serialized ??= JSON.stringify(this.payload));
  }
}

// graphql-ws serializes every message itself, with its id. For a shared result onNext hands it
// a placeholder payload naming the bytes, and the socket's send puts the group's bytes in its
// place: one JSON.stringify per event and group instead of one per subscriber. The placeholder
// ends the message, after the (escaped) id, so nothing a client sends can forge one.
const PLACEHOLDER = '$fleetgraphShared';
const PLACEHOLDER_PAYLOAD = `"payload":{"${PLACEHOLDER}":"`;
const PLACEHOLDER_END = '"}}';

/** The placeholder number a serialized message ends with, and where its payload starts; undefined for any other message. */
function placeholderOf(data: unknown): { token: string; at: number } | undefined {
  if (typeof data !== 'string' || !data.endsWith(PLACEHOLDER_END)) return undefined;
  const at = data.lastIndexOf(PLACEHOLDER_PAYLOAD);
  if (at < 0) return undefined;
  const token = data.slice(at + PLACEHOLDER_PAYLOAD.length, -PLACEHOLDER_END.length);
  return /^\d+$/.test(token) ? { token, at } : undefined;
}

/** Per socket: placeholder number → the bytes it stands for, until sent. */
function sharedBytes(socket: WebSocket) {
  const pending = new Map<string, string>();
  let next = 0;
  const send = socket.send.bind(socket) as (data: unknown, cb?: (err?: Error) => void) => void;
  // One event reaches every subscriber on the socket within one tick: corked until the tick ends,
  // their frames leave in one write instead of one each.
  const raw = (socket as unknown as { _socket?: { cork(): void; uncork(): void } })._socket;
  let corked = false;
  const uncork = () => {
    corked = false;
    raw?.uncork();
  };
  socket.send = ((data: unknown, cb?: (err?: Error) => void) => {
    if (raw && !corked) {
      corked = true;
      raw.cork();
      process.nextTick(uncork);
    }
    const found = placeholderOf(data);
    const bytes = found && pending.get(found.token);
    if (!found || bytes === undefined) return send(data, cb);
    pending.delete(found.token);
    send(`${(data as string).slice(0, found.at)}"payload":${bytes}}`, cb);
  }) as WebSocket['send'];
  return {
    placeholder(result: SharedResult): Record<string, string> {
      const token = String(++next);
      pending.set(token, result.json);
      return { [PLACEHOLDER]: token };
    },
  };
}

/** graphql-ws on the HTTP server's upgrade requests, for subscriptions (and any operation). */
export function attachWebSocket({ server, schema, context, formatError, path = '/graphql', gate, limits, access, observe }: WebSocketOptions): WebSocketEndpoint {
  const format = (errors: readonly GraphQLError[]) => errors.map((error) => formatError(error.toJSON(), error));
  const formatResult = (result: ExecutionResult, contextValue: unknown) => {
    const failed = (contextValue as GatewayContext).clusterErrors.list();
    const formatted = { ...result, errors: [...(result.errors ? format(result.errors) : []), ...failed.map((e) => e.toJSON())] };
    return resultWithin(formatted.errors.length > 0 ? formatted : { ...result, errors: undefined }, limits.maxResponseBytes);
  };
  // Subscribers of one document, variables and principal share one execution per event.
  const shared = createSharedExecution<SharedResult>({
    prepare: (result, contextValue) => new SharedResult(formatResult(result, contextValue)),
    overflow: (limit, args) => new SharedResult(formatResult({ data: null, errors: [tooSlow(limit, args)] }, args.contextValue)),
    principalOf: (contextValue) => (contextValue as GatewayContext).principal,
    queueLimitOf: (contextValue) => (contextValue as GatewayContext).resourceEvents.queueLimit,
    joinable: (args) => !asksForInitialState(args),
  });
  // A larger message closes the socket with 1009 before it is buffered whole.
  const wss = new WebSocketServer({ server, path, maxPayload: limits.maxMessageBytes, verifyClient: access?.verifyClient });
  // Before useServer's own listener, so the socket it is given already sends shared bytes.
  const sockets = new WeakMap<WebSocket, ReturnType<typeof sharedBytes>>();
  wss.on('connection', (socket) => sockets.set(socket, sharedBytes(socket)));
  const cleanup = useServer(
    {
      schema,
      onConnect: access && ((ctx) => access.onConnect(ctx)),
      context: (ctx) => context(access?.principalOf(ctx)),
      onSubscribe: subscribeWithinLimits({ schema, gate, maxSubscriptions: limits.maxSubscriptionsPerSocket }),
      subscribe: (args) => shared.subscribe(args) as Promise<AsyncGenerator<ExecutionResult> | ExecutionResult>,
      onOperation: observe && ((ctx, _id, payload, args) => void observe({ document: args.document, operationName: payload.operationName, principal: access?.principalOf(ctx).name ?? null, errorCodes: [] })),
      onError: (ctx, _id, payload, errors) => {
        const formatted = format(errors);
        observe?.({ operationName: payload.operationName, principal: access?.principalOf(ctx).name ?? null, errorCodes: formatted.map((e) => String(e.extensions?.code ?? 'UNKNOWN')) });
        return formatted;
      },
      onNext: (ctx, _id, _payload, args, result) => {
        if (!((result as unknown) instanceof SharedResult)) return formatResult(result, args.contextValue);
        const sharedResult = result as unknown as SharedResult;
        return sockets.get(ctx.extra.socket)?.placeholder(sharedResult) ?? sharedResult.payload;
      },
    },
    wss,
  );
  return { dispose: async () => cleanup.dispose(), subscriptionGroups: () => shared.groups() };
}

/** The error a subscriber that fell behind gets last, at its root field as a resolver's throw would be. */
function tooSlow(limit: number, { document, operationName }: ExecutionArgs): GraphQLError {
  const root = getOperationAST(document, operationName)?.selectionSet.selections.find((s): s is FieldNode => s.kind === 'Field');
  return locatedError(new SubscriberTooSlowError(limit), root ? [root] : undefined, [root?.alias?.value ?? root?.name.value ?? 'subscription']);
}
