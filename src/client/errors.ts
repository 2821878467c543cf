// What a failed request looks like to a client: the server's message and extensions.code, or a
// transport failure named by a code of the client's own (never one of the server's closed set).
import type { GraphQLFormattedError } from 'graphql';

/** Codes the client gives failures that never reached an answer from the GraphQL server. */
export type TransportCode =
  /** the server could not be reached (refused, reset, DNS, timeout) */
  | 'NETWORK_ERROR'
  /** an answer came that is not a GraphQL response (a proxy's HTML page, a 502) */
  | 'BAD_RESPONSE';

export class FleetgraphError extends Error {
  override readonly name = 'FleetgraphError';
  /** the first error's `extensions.code`, or a TransportCode */
  readonly code: string;
  /** every error the server answered (empty for a transport failure) */
  readonly errors: readonly GraphQLFormattedError[];
  /** the HTTP status, when the failure came over HTTP */
  readonly status?: number;
  /** the data the server answered beside its errors, if any */
  readonly data?: unknown;

  constructor({ message, code, errors = [], status, data, cause }: { message: string; code: string; errors?: readonly GraphQLFormattedError[]; status?: number; data?: unknown; cause?: unknown }) {
    super(message, cause === undefined ? undefined : { cause });
    this.code = code;
    this.errors = errors;
    this.status = status;
    this.data = data;
  }

  /** the error for a response that carried GraphQL errors */
  static fromErrors(errors: readonly GraphQLFormattedError[], { status, data }: { status?: number; data?: unknown } = {}): FleetgraphError {
    const first = errors[0];
    const code = typeof first?.extensions?.code === 'string' ? first.extensions.code : 'INTERNAL_SERVER_ERROR';
    return new FleetgraphError({ message: first?.message ?? 'Unknown error', code, errors, status, data });
  }
}

// graphql-ws close codes the gateway uses (src/server/access.ts): no usable token; a token without a role.
const CLOSE_CODES: Record<number, string> = { 4401: 'UNAUTHENTICATED', 4403: 'FORBIDDEN', 4400: 'BAD_USER_INPUT' };

/** A graphql-ws failure (a close event, an Error, or the `error` message's GraphQL errors) as a FleetgraphError. */
export function fromSocketFailure(failure: unknown): FleetgraphError {
  if (failure instanceof FleetgraphError) return failure;
  if (Array.isArray(failure)) return FleetgraphError.fromErrors(failure as GraphQLFormattedError[]);
  if (isCloseEvent(failure)) {
    const code = CLOSE_CODES[failure.code];
    if (code) return new FleetgraphError({ message: failure.reason || code, code });
    return new FleetgraphError({ message: `The socket closed (${failure.code}${failure.reason ? `: ${failure.reason}` : ''})`, code: 'NETWORK_ERROR' });
  }
  const message = failure instanceof Error ? failure.message : String(failure);
  return new FleetgraphError({ message, code: 'NETWORK_ERROR', cause: failure });
}

function isCloseEvent(value: unknown): value is { code: number; reason: string } {
  return typeof value === 'object' && value !== null && typeof (value as { code?: unknown }).code === 'number' && 'reason' in value;
}
