import { GatewayError } from '../errors/index.js';
import { LIMIT_SETTINGS, type LimitName } from './limits.js';

/**
 * A request refused (or stopped) because it asks more than one request may cost.
 * `extensions.limit` names the limit, `max` its value and `found` what the request
 * reached, when known: the client can tell which part of its query to cut, and by how much.
 */
export class QueryLimitError extends GatewayError<'QUERY_TOO_COMPLEX'> {
  constructor(
    readonly limit: LimitName,
    message: string,
    numbers: { max: number; found?: number },
  ) {
    super('QUERY_TOO_COMPLEX', `${message} (${LIMIT_SETTINGS[limit]})`, { limit, ...numbers });
  }

  /** "query depth 13 exceeds the limit of 10 by 3 (QUERY_MAX_DEPTH)" */
  static exceeded(limit: LimitName, what: string, found: number, max: number): QueryLimitError {
    return new QueryLimitError(limit, `${what} ${found} exceeds the limit of ${max} by ${found - max}`, { max, found });
  }
}
