import { QueryLimitError } from './errors.js';

/**
 * A signal aborted once `timeoutMs` has passed, its reason the QUERY_TOO_COMPLEX error the
 * client gets. Reads of the fleet (src/loaders) honour it: calls under way are cancelled and
 * later ones fail at once, so an operation past its deadline stops instead of running on.
 * The timer does not hold the process open.
 */
export function startDeadline(timeoutMs: number): AbortSignal {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(new QueryLimitError('timeout', `query ran longer than ${timeoutMs} ms and was stopped`, { max: timeoutMs })), timeoutMs);
  timer.unref();
  return controller.signal;
}
