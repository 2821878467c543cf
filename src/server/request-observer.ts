// One JSON log line and one metrics sample per GraphQL request over HTTP: request id,
// operation type and name, principal, duration, outcome and error codes.
import { randomUUID } from 'node:crypto';
import type { ApolloServerPlugin } from '@apollo/server';
import type { RequestHandler } from 'express';
import { Kind, type OperationDefinitionNode } from 'graphql';
import type { Logger } from '../logging/index.js';
import type { GatewayMetrics, GraphQLOperationSample } from '../metrics/index.js';
import type { GatewayContext } from './context.js';

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

/** Apollo plugin; list it after any plugin that adds errors in willSendResponse, so they are counted. */
export function requestObserver({ logger, metrics }: RequestObserverOptions): ApolloServerPlugin<GatewayContext> {
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
