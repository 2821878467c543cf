import { backoffDelay } from '../../src/timing/index.js';

describe('backoffDelay', () => {
  const policy = { baseMs: 100, maxMs: 1000 };
  it.each<[string, number, number, number | undefined, number | undefined, number]>([
    // name, attempt, random, retryAfterMs, retryAfterCapMs, expected: half of min(max, base·2^(n-1)) fixed, the other half random
    ['no failure yet: no wait', 0, 0.5, undefined, undefined, 0],
    ['first retry, least jitter', 1, 0, undefined, undefined, 50],
    ['first retry, most jitter', 1, 0.999999, undefined, undefined, 100],
    ['the random half', 2, 0.5, undefined, undefined, 150],
    ['doubles each attempt', 3, 0, undefined, undefined, 200],
    ['whole milliseconds', 1, 0.3333, undefined, undefined, 67],
    ['is capped', 10, 0.999999, undefined, undefined, 1000],
    ['no overflow however long it fails', 500, 0, undefined, undefined, 500],
    ['a Retry-After is a floor', 1, 0, 3000, undefined, 3000],
    ['a short Retry-After does not shorten the backoff', 4, 0, 10, undefined, 400],
    ['an uncapped Retry-After beyond maxMs is kept', 1, 0, 86_400_000, undefined, 86_400_000],
    ['a Retry-After beyond its cap is the cap', 1, 0, 86_400_000, 600_000, 600_000],
  ])('%s', (_name, attempt, random, retryAfterMs, retryAfterCapMs, expected) => {
    expect(backoffDelay({ ...policy, attempt, random: () => random, retryAfterMs, retryAfterCapMs })).toBe(expected);
  });
});
