// A label selector typed by a client: parsed with kubectl's grammar, and a mistake in it
// is the client's (BAD_USER_INPUT), with the selector quoted so they can find it.
import { type LabelSelector, SelectorError, parseLabelSelector } from '../selectors/index.js';
import { BadUserInputError } from './gateway-error.js';

export function parseUserSelector(text: string, field = 'labelSelector'): LabelSelector {
  try {
    return parseLabelSelector(text);
  } catch (err) {
    if (!(err instanceof SelectorError)) throw err;
    // Parse errors quote the selector already; validation errors (a bad key or value) do not.
    const quoted = err.message.includes(JSON.stringify(text));
    throw new BadUserInputError(`${field}: ${err.message}${quoted ? '' : ` in ${JSON.stringify(text)}`}`);
  }
}
