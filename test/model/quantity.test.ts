import { parseQuantity, parseWholeQuantity } from '../../src/model/quantity.js';

describe('parseQuantity', () => {
  it.each([
    ['4', 4],
    ['4000m', 4],
    ['250m', 0.25],
    ['1500u', 0.0015],
    ['10n', 1e-8],
    ['16Gi', 16 * 2 ** 30],
    ['16777216Ki', 16 * 2 ** 30],
    ['512Mi', 512 * 2 ** 20],
    ['1.5Gi', 1.5 * 2 ** 30],
    ['2Ti', 2 * 2 ** 40],
    ['1Pi', 2 ** 50],
    ['1Ei', 2 ** 60],
    ['1k', 1000],
    ['128M', 128e6],
    ['2G', 2e9],
    ['3T', 3e12],
    ['1P', 1e15],
    ['1E', 1e18],
    ['1e3', 1000],
    ['1.5e9', 1.5e9],
    ['12E-1', 1.2],
    ['+5', 5],
    ['-1Gi', -(2 ** 30)],
    ['.5', 0.5],
    ['0', 0],
    [' 2Gi ', 2 * 2 ** 30],
  ])('reads %p as %p', (text, value) => {
    expect(parseQuantity(text)).toBe(value);
  });

  it.each(['', 'Gi', '4 Gi', '1Kb', '1K', '1gi', '1e', '1Mi2', '1..5', 'abc', '1.5.2', '0x10', '1mi'])('refuses %p', (text) => {
    expect(parseQuantity(text)).toBeNull();
  });

  it('has no value for a missing quantity', () => {
    expect(parseQuantity(undefined)).toBeNull();
    expect(parseQuantity(null)).toBeNull();
  });
});

describe('parseWholeQuantity', () => {
  it.each([
    ['4', 4],
    ['4000m', 4],
    ['3500m', 4],
    ['100m', 1],
    ['0', 0],
    ['x', null],
  ])('reads %p as %p, rounding up', (text, value) => {
    expect(parseWholeQuantity(text)).toBe(value);
  });
});
