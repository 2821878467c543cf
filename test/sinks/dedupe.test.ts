import type { ChangeType } from '../../src/events/types.js';
import { canonicalJson, contentHash } from '../../src/sinks/content-hash.js';
import { createDedupeWindow } from '../../src/sinks/dedupe.js';

describe('contentHash', () => {
  it.each<[string, unknown, unknown, boolean]>([
    ['ignores key order', { a: 1, b: { c: 2, d: 3 } }, { b: { d: 3, c: 2 }, a: 1 }, true],
    ['ignores resourceVersion', { metadata: { name: 'a', resourceVersion: '1' } }, { metadata: { name: 'a', resourceVersion: '2' } }, true],
    ['ignores managedFields', { metadata: { name: 'a', managedFields: [{ manager: 'x' }] } }, { metadata: { name: 'a' } }, true],
    ['treats undefined members as absent', { a: 1, b: undefined }, { a: 1 }, true],
    ['sees a changed value', { spec: { replicas: 1 } }, { spec: { replicas: 2 } }, false],
    ['sees array order', { a: [1, 2] }, { a: [2, 1] }, false],
    ['compares dates by instant', { at: new Date('2025-01-01T00:00:00Z') }, { at: '2025-01-01T00:00:00.000Z' }, true],
  ])('%s', (_name, a, b, same) => {
    expect(contentHash(a) === contentHash(b)).toBe(same);
  });

  it('writes canonical JSON', () => {
    expect(canonicalJson({ b: [{ y: 1, x: 2 }], a: null })).toBe('{"a":null,"b":[{"x":2,"y":1}]}');
  });
});

describe('createDedupeWindow', () => {
  // Each step: at time t, object key with hash and type → admitted?
  type Step = [t: number, key: string, hash: string, type: ChangeType, admitted: boolean];
  it.each<[string, number, Step[]]>([
    ['sends the first state, suppresses the same within the window', 1000, [
      [0, 'a', 'h1', 'ADDED', true],
      [500, 'a', 'h1', 'MODIFIED', false],
      [999, 'a', 'h1', 'MODIFIED', false],
    ]],
    ['sends the same state again once the window has passed', 1000, [
      [0, 'a', 'h1', 'ADDED', true],
      [1000, 'a', 'h1', 'MODIFIED', true],
      [1500, 'a', 'h1', 'MODIFIED', false],
    ]],
    ['a suppressed duplicate does not extend the window', 1000, [
      [0, 'a', 'h1', 'ADDED', true],
      [900, 'a', 'h1', 'MODIFIED', false],
      [1000, 'a', 'h1', 'MODIFIED', true],
    ]],
    ['sends every changed state', 1000, [
      [0, 'a', 'h1', 'ADDED', true],
      [1, 'a', 'h2', 'MODIFIED', true],
      [2, 'a', 'h1', 'MODIFIED', true],
    ]],
    ['keeps objects apart', 1000, [
      [0, 'a', 'h1', 'ADDED', true],
      [1, 'b', 'h1', 'ADDED', true],
      [2, 'b', 'h1', 'MODIFIED', false],
    ]],
    ['always sends DELETED and forgets the object', 1000, [
      [0, 'a', 'h1', 'ADDED', true],
      [1, 'a', 'h1', 'DELETED', true],
      [2, 'a', 'h1', 'ADDED', true],
    ]],
    ['window 0 sends everything', 0, [
      [0, 'a', 'h1', 'ADDED', true],
      [0, 'a', 'h1', 'MODIFIED', true],
    ]],
  ])('%s', (_name, windowMs, steps) => {
    let t = 0;
    const window = createDedupeWindow({ windowMs, now: () => t });
    const admitted = steps.map(([at, key, hash, type]) => {
      t = at;
      return window.admit(key, hash, type);
    });
    expect(admitted).toEqual(steps.map((step) => step[4]));
  });

  it('forgets expired objects', () => {
    let t = 0;
    const window = createDedupeWindow({ windowMs: 100, now: () => t });
    for (const key of ['a', 'b', 'c']) window.admit(key, 'h', 'ADDED');
    t = 50;
    window.admit('d', 'h', 'ADDED');
    t = 120;
    window.admit('e', 'h', 'ADDED');
    expect(window.size()).toBe(2); // d and e
  });

  it('admits a forgotten object whatever its state', () => {
    const window = createDedupeWindow({ windowMs: 100, now: () => 0 });
    window.admit('a', 'h', 'ADDED');
    window.forget('a');
    expect(window.admit('a', 'h', 'MODIFIED')).toBe(true);
  });
});
