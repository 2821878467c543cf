import { parseRetryAfter, retryDelayMs, RETRY_AFTER_CAP_MS } from '../../src/sinks/backoff.js';
import { outcomeOfError, outcomeOfStatus, type PostOutcome } from '../../src/sinks/outcome.js';

describe('retryDelayMs', () => {
  const policy = { initialDelayMs: 100, maxDelayMs: 1000 };
  it.each<[string, number, number, number | undefined, number]>([
    // name, attempt, random, retryAfterMs, expected
    ['first retry, least jitter', 1, 0, undefined, 50],
    ['first retry, most jitter', 1, 0.999999, undefined, 100],
    ['doubles each attempt', 3, 0, undefined, 200],
    ['is capped', 10, 0.999999, undefined, 1000],
    ['the cap holds at large attempts', 500, 0, undefined, 500],
    ['a Retry-After is a floor', 1, 0, 3000, 3000],
    ['a short Retry-After does not shorten the backoff', 4, 0, 10, 400],
    ['a huge Retry-After is capped', 1, 0, 86_400_000, RETRY_AFTER_CAP_MS],
  ])('%s', (_name, attempt, random, retryAfterMs, expected) => {
    expect(retryDelayMs({ ...policy, attempt, retryAfterMs, random: () => random })).toBe(expected);
  });
});

describe('parseRetryAfter', () => {
  const now = Date.parse('2025-01-01T00:00:00Z');
  it.each<[string | null, number | undefined]>([
    [null, undefined],
    ['', undefined],
    ['0', 0],
    ['120', 120_000],
    [' 3 ', 3000],
    ['Wed, 01 Jan 2025 00:00:30 GMT', 30_000],
    ['Tue, 31 Dec 2024 23:00:00 GMT', 0],
    ['soon', undefined],
  ])('%j → %j', (header, expected) => {
    expect(parseRetryAfter(header, now)).toBe(expected);
  });
});

describe('outcomeOfStatus', () => {
  it.each<[number, string | null, PostOutcome]>([
    [200, null, { kind: 'delivered' }],
    [204, null, { kind: 'delivered' }],
    [429, '2', { kind: 'retry', reason: 'HTTP 429', retryAfterMs: 2000 }],
    [429, null, { kind: 'retry', reason: 'HTTP 429' }],
    [503, '1', { kind: 'retry', reason: 'HTTP 503', retryAfterMs: 1000 }],
    [500, null, { kind: 'retry', reason: 'HTTP 500' }],
    [408, null, { kind: 'retry', reason: 'HTTP 408' }],
    [400, null, { kind: 'rejected', reason: 'HTTP 400' }],
    [401, null, { kind: 'rejected', reason: 'HTTP 401' }],
    [404, null, { kind: 'rejected', reason: 'HTTP 404' }],
    [413, null, { kind: 'rejected', reason: 'HTTP 413' }],
  ])('%i (Retry-After %j)', (status, retryAfter, expected) => {
    expect(outcomeOfStatus(status, retryAfter, 0)).toEqual(expected);
  });
});

describe('outcomeOfError', () => {
  it.each<[string, unknown, string]>([
    ['connection refused', new TypeError('fetch failed', { cause: Object.assign(new Error('connect'), { code: 'ECONNREFUSED' }) }), 'ECONNREFUSED'],
    ['timeout', new DOMException('The operation timed out', 'TimeoutError'), 'timed out'],
    ['anything else', new Error('boom'), 'boom'],
  ])('retries after %s', (_name, err, reason) => {
    expect(outcomeOfError(err)).toEqual({ kind: 'retry', reason });
  });
});
