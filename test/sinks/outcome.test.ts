import { outcomeOfError, outcomeOfStatus, type PostOutcome } from '../../src/sinks/outcome.js';

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
