import { unwrapResolverError } from '@apollo/server/errors';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import type { Logger } from '../logging/index.js';
import { GatewayError, InternalServerError, type ErrorCode } from './gateway-error.js';

/**
 * Errors raised about the request itself, before any resolver ran (parse,
 * validation, variable coercion), under Apollo's codes, and the code each
 * becomes. Their messages come from graphql-js and describe the query, so they stay.
 */
const REQUEST_ERROR_CODES: Readonly<Record<string, ErrorCode>> = {
  GRAPHQL_PARSE_FAILED: 'BAD_USER_INPUT',
  GRAPHQL_VALIDATION_FAILED: 'BAD_USER_INPUT',
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  BAD_REQUEST: 'BAD_USER_INPUT',
  OPERATION_RESOLUTION_FAILURE: 'BAD_USER_INPUT',
  PERSISTED_QUERY_NOT_FOUND: 'BAD_USER_INPUT',
  PERSISTED_QUERY_NOT_SUPPORTED: 'BAD_USER_INPUT',
  INTROSPECTION_DISABLED: 'BAD_USER_INPUT',
  MAX_RECURSIVE_SELECTIONS_EXCEEDED: 'QUERY_TOO_COMPLEX',
};

export type ErrorFormatter = (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError;

/**
 * Apollo's `formatError`, also applied to errors sent over graphql-ws. A client sees
 * a GatewayError as thrown, a request error under a code of ours, and anything else
 * as INTERNAL_SERVER_ERROR with a generic message while the original goes to the log.
 */
export function createErrorFormatter(logger: Logger): ErrorFormatter {
  return (formatted, error) => {
    const { locations, path } = formatted;
    const original = originalOf(error);
    if (original instanceof GatewayError) {
      return { message: original.message, locations, path, extensions: { ...original.extensions } };
    }
    const requestCode = requestErrorCode(formatted, error);
    if (requestCode) return { message: formatted.message, locations, extensions: { code: requestCode } };
    logger.error({ err: original, path }, 'unexpected error, masked for the client');
    const masked = new InternalServerError();
    return { message: masked.message, locations, path, extensions: { ...masked.extensions } };
  };
}

/**
 * What was thrown. A resolver's error arrives wrapped once by graphql-js; in supergraph mode
 * (src/server/supergraph.ts) an error of fleetgraph's own subgraph is wrapped once more by the
 * gateway that ran the subgraph's part, so wrappers are taken off until a GatewayError, if any.
 */
function originalOf(error: unknown): unknown {
  let current = unwrapResolverError(error);
  while (!(current instanceof GatewayError) && current instanceof GraphQLError && current.originalError) current = current.originalError;
  return current;
}

// A request error has no path (no resolver ran). Over graphql-ws, graphql-js
// validation errors arrive without any code; through Apollo they carry one of its codes.
function requestErrorCode(formatted: GraphQLFormattedError, error: unknown): ErrorCode | undefined {
  if (formatted.path !== undefined || !(error instanceof GraphQLError)) return undefined;
  const code = formatted.extensions?.code;
  if (code === undefined) return 'BAD_USER_INPUT';
  return typeof code === 'string' ? REQUEST_ERROR_CODES[code] : undefined;
}
