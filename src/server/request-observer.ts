// One JSON log line and one metrics sample per GraphQL request over HTTP: request id,
// operation type and name, principal, duration, outcome and error codes.
import { randomUUID } from 'node:crypto';
import type { ApolloServerPlugin } from '@apollo/server';
import type { RequestHandler } from 'express';
import { Kind, type OperationDefinitionNode } from 'graphql';
import type { Logger } from '../logging/index.js';
import type { GatewayMetrics, GraphQLOperationSample } from '../metrics/index.js';
import type { GatewayContext } from './context.js';
import type { WebSocketOperationEvent } from './websocket.js';

export const REQUEST_ID_HEADER = 'x-request-id';

// A caller's id is kept when it looks like one (a proxy's), so logs join up; anything else is replaced.
const GIVEN_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** Gives every request an id (the caller's X-Request-Id when sane), echoed in the response. */
export function requestIds(): RequestHandler {
  return (req, res, next) => {
    const given = req.headers[REQUEST_ID_HEADER];
    const id = typeof given === 'string' && GIVEN_ID.test(given) ? given : randomUUID();
    req.headers[REQUEST_ID_HEADER] = id;
    res.set(REQUEST_ID_HEADER, id);
    next();
  };
}

export interface RequestObserverOptions {
  logger: Logger;
  metrics: GatewayMetrics;
}

export interface RequestObserver {
  /** Apollo plugin; list it after any plugin that adds errors in willSendResponse, so they are counted. */
  plugin: ApolloServerPlugin<GatewayContext>;
  /**
   * Express middleware, mounted before access and the HTTP limits: a request they refuse (401,
   * 403, unreadable or oversized body) never reaches Apollo, and is logged here when it finishes.
   */
  refusals: RequestHandler;
  /** For attachWebSocket's `observe`: one log line and one count per websocket operation. */
  webSocket: (event: WebSocketOperationEvent) => void;
}

// What a refusal before Apollo answered, by status (access.ts, src/limits).
const REFUSAL_CODES: Record<number, string> = { 400: 'BAD_USER_INPUT', 401: 'UNAUTHENTICATED', 403: 'FORBIDDEN', 413: 'BAD_USER_INPUT', 415: 'BAD_USER_INPUT', 429: 'QUERY_TOO_COMPLEX' };

export function requestObserver({ logger, metrics }: RequestObserverOptions): RequestObserver {
  // Requests Apollo has logged, until their response finishes.
  const logged = new Set<string>();
  const refusals: RequestHandler = (req, res, next) => {
    const started = performance.now();
    res.on('finish', () => {
      const requestId = String(req.headers[REQUEST_ID_HEADER]);
      if (logged.delete(requestId) || req.method === 'GET' || req.method === 'OPTIONS') return;
      const code = REFUSAL_CODES[res.statusCode] ?? (res.statusCode >= 500 ? 'INTERNAL_SERVER_ERROR' : 'BAD_USER_INPUT');
      const seconds = (performance.now() - started) / 1000;
      const durationMs = Math.round(seconds * 10_000) / 10;
      metrics.graphqlOperation({ type: 'unknown', name: 'unknown', outcome: 'error', seconds });
      logger.info({ requestId, operationType: 'unknown', operationName: null, rootField: 'unknown', principal: null, durationMs, outcome: 'error', errorCodes: [code], status: res.statusCode }, 'graphql request');
    });
    next();
  };
  const webSocket = ({ document, operationName, principal, errorCodes }: WebSocketOperationEvent) => {
    const operation = document?.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION && (operationName ? d.name?.value === operationName : true));
    const type = operation?.operation ?? 'unknown';
    const outcome = errorCodes.length === 0 ? 'ok' : 'error';
    // No duration: a subscription lasts as long as the client wants; the count is what is useful.
    metrics.graphqlOperation({ type, name: rootFieldOf(operation), outcome, seconds: Number.NaN });
    logger.info({ transport: 'websocket', operationType: type, operationName: operationName ?? null, rootField: rootFieldOf(operation), principal, outcome, errorCodes }, 'graphql operation');
  };
  return { plugin: apolloPlugin({ logger, metrics, logged }), refusals, webSocket };
}

function apolloPlugin({ logger, metrics, logged }: RequestObserverOptions & { logged: Set<string> }): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart({ request }) {
      const started = performance.now();
      const requestId = request.http?.headers.get(REQUEST_ID_HEADER) ?? randomUUID();
      return {
        async willSendResponse({ response, operation, operationName, contextValue }) {
          const seconds = (performance.now() - started) / 1000;
          const errors = response.body.kind === 'single' ? (response.body.singleResult.errors ?? []) : [];
          const hasData = response.body.kind === 'single' ? response.body.singleResult.data != null : true;
          const sample: GraphQLOperationSample = {
            type: operation?.operation ?? 'unknown',
            name: rootFieldOf(operation),
            outcome: errors.length === 0 ? 'ok' : hasData ? 'partial' : 'error',
            seconds,
          };
          metrics.graphqlOperation(sample);
          logged.add(requestId);
          const codes = [...new Set(errors.map((e) => String(e.extensions?.code ?? 'UNKNOWN')))];
          logger.info(
            {
              requestId,
              operationType: sample.type,
              operationName: operationName ?? null,
              rootField: sample.name,
              principal: contextValue.principal?.name ?? null,
              durationMs: Math.round(seconds * 10_000) / 10,
              outcome: sample.outcome,
              errorCodes: codes,
              status: response.http.status ?? 200,
            },
            'graphql request',
          );
        },
      };
    },
  };
}

// The first field of the operation's selection: a name the schema bounds, for metric labels.
function rootFieldOf(operation: OperationDefinitionNode | undefined): string {
  const first = operation?.selectionSet.selections.find((s) => s.kind === Kind.FIELD);
  return first?.kind === Kind.FIELD ? first.name.value : 'unknown';
}
