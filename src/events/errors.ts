import { GatewayError } from '../errors/index.js';

/**
 * Ends a subscription whose client does not take its events as fast as they come.
 *
 * QUERY_TOO_COMPLEX, of the closed set of codes: the subscription asked for more than the
 * gateway will hold for one operation (its bounded queue), which is that code's meaning —
 * and like it, the client can fix it by asking for less (a narrower filter) or reading
 * faster, then resubscribing. INTERNAL_SERVER_ERROR would say the gateway failed, hide the
 * message behind the masked one clients learn to ignore, and page whoever watches for it.
 * `extensions.reason` tells this case apart from a query that is too complex.
 */
export class SubscriberTooSlowError extends GatewayError<'QUERY_TOO_COMPLEX'> {
  constructor(limit: number) {
    super('QUERY_TOO_COMPLEX', `subscriber too slow: more than ${limit} events pending; resubscribe, or narrow the filter`, {
      reason: 'SUBSCRIBER_TOO_SLOW',
      limit,
    });
  }
}
