import { SelectorError, labelSelectorFromObject, parseLabelSelector } from '../../src/selectors/index.js';

const web = { app: 'web', tier: 'frontend' };
const db = { app: 'db', tier: 'backend', canary: 'true' };
const bare = {};

describe('parseLabelSelector matches as Kubernetes does', () => {
  // selector, labels, expected
  describe.each([
    ['', web, true],
    ['', undefined, true],
    ['   ', web, true],
    ['app=web', web, true],
    ['app=web', db, false],
    ['app==web', web, true],
    ['app=web', bare, false],
    ['app!=web', db, true],
    ['app!=web', web, false],
    ['app!=web', bare, true], // != holds when the key is absent
    ['app in (web,db)', db, true],
    ['app in (web)', db, false],
    ['app in (web)', bare, false],
    ['app notin (web)', db, true],
    ['app notin (web,db)', db, false],
    ['app notin (web)', bare, true], // notin holds when the key is absent
    ['canary', db, true],
    ['canary', web, false],
    ['!canary', web, true],
    ['!canary', db, false],
    ['!canary', undefined, true],
    ['app=web,tier=frontend', web, true],
    ['app=web,tier=backend', web, false],
    ['app=web,!canary', web, true],
    ['app in (web, db) , tier notin ( backend )', web, true],
    ['\tapp\n=\rweb ', web, true],
    ['app=', { app: '' }, true],
    ['app=', web, false],
    ['app!=', web, true],
    ['app in ()', { app: '' }, true],
    ['app in (,web)', { app: '' }, true],
    ['app in (web,)', { app: '' }, true],
    ['app.kubernetes.io/name=web', { 'app.kubernetes.io/name': 'web' }, true],
    ['in=notin', { in: 'notin' }, true], // keywords only where an operator may stand
    ['x in (in,notin)', { x: 'notin' }, true],
    ['toString', { toString: 'x' }, true],
    ['toString', bare, false], // inherited properties are not labels
  ])('%j on %j', (selector, labels, expected) => {
    it(`is ${expected}`, () => expect(parseLabelSelector(selector).matches(labels)).toBe(expected));
  });
});

describe('parseLabelSelector requirements and canonical text', () => {
  describe.each([
    ['', ''],
    ['b=2,a=1', 'a=1,b=2'],
    ['a==1', 'a=1'],
    ['a != 1', 'a!=1'],
    ['x in (c, a, b, a)', 'x in (a,b,c)'],
    ['x notin (b,a)', 'x notin (a,b)'],
    ['x in (a,,b)', 'x in (,a,b)'],
    [' !x , y ', '!x,y'],
    ['app.kubernetes.io/name=web', 'app.kubernetes.io/name=web'],
  ])('%j', (selector, canonical) => {
    it(`reads as ${JSON.stringify(canonical)} and parses back to the same`, () => {
      const parsed = parseLabelSelector(selector);
      expect(parsed.toString()).toBe(canonical);
      expect(`${parsed}`).toBe(canonical);
      expect(parseLabelSelector(canonical).requirements).toEqual(parsed.requirements);
    });
  });

  it('exposes requirements as data', () => {
    expect(parseLabelSelector('tier notin (b,a),app=web,!gone,here').requirements).toEqual([
      { key: 'app', operator: 'Equals', values: ['web'] },
      { key: 'gone', operator: 'DoesNotExist', values: [] },
      { key: 'here', operator: 'Exists', values: [] },
      { key: 'tier', operator: 'NotIn', values: ['a', 'b'] },
    ]);
  });

  it.each([
    ['', true],
    [' ', true],
    ['a', false],
  ])('isEmpty(%j) is %s', (selector, empty) => expect(parseLabelSelector(selector).isEmpty()).toBe(empty));
});

describe('parseLabelSelector rejects invalid input', () => {
  const long = 'x'.repeat(64);
  // selector, message fragment, 0-based position of the token at fault
  describe.each([
    ['a in ((b)', "unable to parse requirement: found '(', expected: ',', ')' or identifier", 6],
    ['a in (b', "unable to parse requirement: found 'end of string', expected: ',' or ')'", 7],
    ['a in (b c)', "found 'c', expected: ',' or ')'", 8],
    ['a in b', "found 'b', expected: '('", 5],
    ['a b', "found 'b', expected: in, notin, =, ==, !=", 2],
    ['a > 1', "found '>', expected: in, notin, =, ==, !=", 2],
    ['a=b=c', "found '=', expected: ',' or 'end of string'", 3],
    ['a=b c', "found 'c', expected: ',' or 'end of string'", 4],
    ['!a=b', "found '=', expected: ',' or 'end of string'", 2],
    ['a=(b)', "found '(', expected: identifier", 2],
    ['=a', "found '=', expected: !, identifier, or 'end of string'", 0],
    [',a', "found ',', expected: !, identifier, or 'end of string'", 0],
    ['a,', "found 'end of string', expected: identifier after ','", 2],
    ['a,,b', "found ',', expected: identifier after ','", 2],
    ['!', "found 'end of string', expected: identifier", 1],
    ['!!a', "found '!', expected: identifier", 1],
    ['-a=b', 'invalid label key "-a": name part must consist of alphanumeric characters', 0],
    [`${long}=b`, 'name part must be no more than 63 characters', 0],
    ['Example.com/a=b', 'prefix part must be a lowercase RFC 1123 subdomain', 0],
    ['/a=b', 'prefix part must be non-empty', 0],
    ['a/=b', 'name part must be non-empty', 0],
    ['a/b/c=d', 'a qualified name must consist of alphanumeric characters', 0],
    ['a=-b', 'invalid label value "-b": a valid label must be an empty string or consist of alphanumeric', 2],
    [`a=${long}`, 'must be no more than 63 characters', 2],
    ['a in (b,c/d)', 'invalid label value "c/d"', 8],
    ['a notin (ok,b_)', 'invalid label value "b_"', 12],
  ])('%j', (selector, message, position) => {
    it('throws a SelectorError saying what and where', () => {
      const error = caught(() => parseLabelSelector(selector));
      expect(error).toBeInstanceOf(SelectorError);
      expect(error.message).toContain(message);
      expect(error.message).toContain(`(column ${position + 1} of ${JSON.stringify(selector)})`);
      expect(error).toMatchObject({ selector, position });
    });
  });
});

describe('labelSelectorFromObject', () => {
  it('turns matchLabels and matchExpressions into one canonical selector', () => {
    const selector = labelSelectorFromObject({
      matchLabels: { app: 'web' },
      matchExpressions: [
        { key: 'tier', operator: 'In', values: ['frontend', 'edge'] },
        { key: 'canary', operator: 'DoesNotExist' },
        { key: 'zone', operator: 'Exists', values: [] },
        { key: 'env', operator: 'NotIn', values: ['dev'] },
      ],
    });
    expect(selector.toString()).toBe('app=web,!canary,env notin (dev),tier in (edge,frontend),zone');
  });

  // selector object, labels, expected
  describe.each([
    [{}, web, true],
    [{ matchLabels: {}, matchExpressions: [] }, bare, true],
    [{ matchLabels: { app: 'web' } }, web, true],
    [{ matchLabels: { app: 'web' } }, db, false],
    [{ matchLabels: { app: 'web', tier: 'frontend' } }, web, true],
    [{ matchExpressions: [{ key: 'canary', operator: 'Exists' as const }] }, db, true],
    [{ matchExpressions: [{ key: 'app', operator: 'NotIn' as const, values: ['db'] }] }, bare, true],
  ])('%j on %j', (object, labels, expected) => {
    it(`is ${expected}`, () => expect(labelSelectorFromObject(object).matches(labels)).toBe(expected));
  });

  describe.each([
    [{ matchExpressions: [{ key: 'a', operator: 'In' as const, values: [] }] }, 'matchExpressions[0].values: must be non-empty for operator In'],
    [{ matchExpressions: [{ key: 'a', operator: 'NotIn' as const }] }, 'matchExpressions[0].values: must be non-empty for operator NotIn'],
    [{ matchExpressions: [{ key: 'a', operator: 'Exists' as const, values: ['x'] }] }, 'matchExpressions[0].values: must be empty for operator Exists'],
    [{ matchExpressions: [{ key: 'a', operator: 'Gt', values: ['1'] }] }, 'matchExpressions[0].operator: "Gt" is not a valid label selector operator'],
    [{ matchLabels: { '-a': 'b' } }, 'invalid label key "-a"'],
    [{ matchLabels: { a: 'b c' } }, 'invalid label value "b c" for key "a"'],
    [{ matchExpressions: [{ key: 'a', operator: 'In' as const, values: ['ok', '_'] }] }, 'invalid label value "_" for key "a"'],
  ])('%j', (object, message) => {
    it('throws a SelectorError', () => {
      // Objects arrive as JSON, so an unknown operator is possible at run time.
      const error = caught(() => labelSelectorFromObject(object as Parameters<typeof labelSelectorFromObject>[0]));
      expect(error).toBeInstanceOf(SelectorError);
      expect(error.message).toContain(message);
    });
  });
});

function caught(run: () => unknown): Error {
  try {
    run();
  } catch (error) {
    if (error instanceof Error) return error;
    throw error;
  }
  throw new Error('expected an error');
}
