// What goes back: at most QUERY_MAX_RESPONSE_BYTES, and a limit that stopped many fields
// (the deadline) said once, not once per field.
import type { FormattedExecutionResult, GraphQLFormattedError } from 'graphql';
import { QueryLimitError } from './errors.js';

/** Apollo's `stringifyResult`: compact JSON, or a QUERY_TOO_COMPLEX error in place of a response over `maxBytes`. */
export function stringifyWithin(maxBytes: number): (result: FormattedExecutionResult) => string {
  return (result) => {
    const text = JSON.stringify(collapseRepeatedLimits(result));
    const bytes = Buffer.byteLength(text);
    return bytes > maxBytes ? JSON.stringify(tooLarge(bytes, maxBytes)) : text;
  };
}

/** The same for a graphql-ws `next` payload, which graphql-ws serializes itself. */
export function resultWithin<T extends FormattedExecutionResult>(result: T, maxBytes: number): T | FormattedExecutionResult {
  const collapsed = collapseRepeatedLimits(result);
  const bytes = Buffer.byteLength(JSON.stringify(collapsed));
  return bytes > maxBytes ? tooLarge(bytes, maxBytes) : collapsed;
}

function tooLarge(bytes: number, maxBytes: number): FormattedExecutionResult {
  const error = new QueryLimitError('responseBytes', `response of ${bytes} bytes is over the limit of ${maxBytes} bytes by ${bytes - maxBytes}`, { max: maxBytes, found: bytes });
  return { errors: [{ message: error.message, extensions: { ...error.extensions } }] };
}

/** Keeps the first of QUERY_TOO_COMPLEX errors that share a message (a deadline fails every field still to come). */
export function collapseRepeatedLimits<T extends FormattedExecutionResult>(result: T): T {
  if (!result.errors || result.errors.length < 2) return result;
  const seen = new Set<string>();
  const errors = result.errors.filter((error: GraphQLFormattedError) => {
    if (error.extensions?.code !== 'QUERY_TOO_COMPLEX') return true;
    if (seen.has(error.message)) return false;
    seen.add(error.message);
    return true;
  });
  return errors.length === result.errors.length ? result : { ...result, errors };
}
