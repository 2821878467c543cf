import { GraphQLError } from 'graphql';
import type { KubeCallError } from '../kube/index.js';

/** The only codes a client ever sees in `extensions.code`. */
export const ERROR_CODES = [
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'CONFLICT',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'CLUSTER_UNAVAILABLE',
  'QUERY_TOO_COMPLEX',
  'INTERNAL_SERVER_ERROR',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/**
 * An error meant for the client: its message and extensions reach the response as
 * they are. Throw a subclass; anything that is not a GatewayError gets masked.
 */
export abstract class GatewayError<C extends ErrorCode = ErrorCode> extends GraphQLError {
  protected constructor(
    readonly code: C,
    message: string,
    extensions: Record<string, unknown> = {},
  ) {
    super(message, { extensions: { ...extensions, code } });
  }
}

export class BadUserInputError extends GatewayError<'BAD_USER_INPUT'> {
  constructor(message: string) {
    super('BAD_USER_INPUT', message);
  }
}

export class NotFoundError extends GatewayError<'NOT_FOUND'> {
  constructor(message: string) {
    super('NOT_FOUND', message);
  }
}

export class ConflictError extends GatewayError<'CONFLICT'> {
  constructor(message: string) {
    super('CONFLICT', message);
  }
}

export class UnauthenticatedError extends GatewayError<'UNAUTHENTICATED'> {
  constructor(message = 'Authentication required') {
    super('UNAUTHENTICATED', message);
  }
}

export class ForbiddenError extends GatewayError<'FORBIDDEN'> {
  constructor(message: string) {
    super('FORBIDDEN', message);
  }
}

/** One cluster could not answer; `extensions.cluster` names it so clients can tell which. */
export class ClusterUnavailableError extends GatewayError<'CLUSTER_UNAVAILABLE'> {
  constructor(
    readonly cluster: string,
    reason: string,
  ) {
    super('CLUSTER_UNAVAILABLE', `Cluster ${cluster} is unavailable: ${reason}`, { cluster });
  }

  /** KubeCallError messages are written by the gateway, so they are safe to pass on. */
  static from(err: KubeCallError): ClusterUnavailableError {
    return new ClusterUnavailableError(err.cluster, err.message);
  }
}

export class QueryTooComplexError extends GatewayError<'QUERY_TOO_COMPLEX'> {
  constructor(message: string) {
    super('QUERY_TOO_COMPLEX', message);
  }
}

/** What a client gets in place of an unexpected error; the details go to the log. */
export class InternalServerError extends GatewayError<'INTERNAL_SERVER_ERROR'> {
  constructor() {
    super('INTERNAL_SERVER_ERROR', 'Internal server error');
  }
}
