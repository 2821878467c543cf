import { backoffDelay } from '../../src/events/index.js';

describe('backoffDelay', () => {
  it.each([
    // attempt, random, delay: half of min(max, base·2^(n-1)) fixed, the other half random
    [0, 0.5, 0],
    [1, 0, 50],
    [1, 0.999, 100],
    [2, 0.5, 150],
    [3, 0, 200],
    [5, 1, 1000], // capped at maxMs
    [60, 0, 500], // no overflow however long it fails
  ])('attempt %i with random %d waits %i ms', (attempt, random, delay) => {
    expect(backoffDelay(attempt, { baseMs: 100, maxMs: 1000 }, () => random)).toBe(delay);
  });

  it('defaults to 250 ms growing to 30 s', () => {
    expect(backoffDelay(1, {}, () => 1)).toBe(250);
    expect(backoffDelay(20, {}, () => 1)).toBe(30_000);
  });
});
