// Waiting and retrying: one backoff, one Retry-After parser, one abortable sleep.
export { backoffDelay, NO_JITTER, type BackoffInput, type BackoffPolicy } from './backoff.js';
export { parseRetryAfter } from './retry-after.js';
export { sleep, untilAborted, type Sleep } from './sleep.js';
