import { parseRetryAfter } from '../../src/timing/index.js';

describe('parseRetryAfter', () => {
  const now = Date.parse('2025-01-01T00:00:00Z');
  it.each<[string | null | undefined, number | undefined]>([
    [null, undefined],
    [undefined, undefined],
    ['', undefined],
    ['  ', undefined],
    ['0', 0],
    ['2', 2000],
    ['120', 120_000],
    [' 3 ', 3000],
    ['Wed, 01 Jan 2025 00:00:30 GMT', 30_000],
    ['Tue, 31 Dec 2024 23:00:00 GMT', 0],
    ['soon', undefined],
  ])('%j → %j ms', (header, expected) => {
    expect(parseRetryAfter(header, now)).toBe(expected);
  });
});
