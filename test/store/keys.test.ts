import { escapeKey, escapeKeys, unescapeKey, unescapeKeys } from '../../src/store/keys.js';
import { createTimeOrderedIds } from '../../src/store/ids.js';

describe('escaping document keys', () => {
  it.each([
    ['plain', 'plain'],
    ['fleetgraph.io/env', 'fleetgraph%2Eio/env'],
    ['$set', '%24set'],
    ['a$b', 'a$b'],
    ['50%', '50%25'],
    ['%2E', '%252E'],
    ['.$.', '%2E$%2E'],
  ])('%s ⇄ %s', (key, escaped) => {
    expect(escapeKey(key)).toBe(escaped);
    expect(unescapeKey(escaped)).toBe(key);
  });

  it('escapes nested objects and arrays, keeping dates and dropping undefined', () => {
    const date = new Date(0);
    const value = { 'a.b': [{ $c: date }], d: undefined, e: null };
    expect(escapeKeys(value)).toEqual({ 'a%2Eb': [{ '%24c': date }], e: null });
    expect(Object.keys(escapeKeys(value))).toEqual(['a%2Eb', 'e']);
    expect(unescapeKeys(escapeKeys(value))).toEqual({ 'a.b': [{ $c: date }], e: null });
  });
});

describe('time-ordered ids', () => {
  it('are UUIDv7 and strictly increase, within one millisecond too', () => {
    let now = 1_700_000_000_000;
    const next = createTimeOrderedIds({ now: () => now });
    const ids = [next(), next(), next()];
    now += 1;
    ids.push(next());
    now -= 5; // a clock stepping back does not reorder them
    ids.push(next());
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
