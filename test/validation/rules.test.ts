// The pure rules under every mutation's input checks: text, names, JSON bounds, numbers.
import { BadUserInputError } from '../../src/errors/index.js';
import { checkInputText, checkInteger, checkJson, checkObjectName, dnsLabelProblem, dnsSubdomainProblem, textProblem } from '../../src/validation/index.js';

describe('textProblem', () => {
  it.each([['api'], ['acme/web:2.5.0'], ['ünïcödé'], ['emoji 🚀'], ['日本語'], ['a'.repeat(65_536)]])('accepts %j', (text) => {
    expect(textProblem(text)).toBeUndefined();
  });

  it.each([
    ['\ud800', 'U+D800 (a lone UTF-16 surrogate'],
    ['a\udfffb', 'U+DFFF (a lone UTF-16 surrogate'],
    ['a\u0000', 'U+0000 (a control character)'],
    ['a\tb', 'U+0009 (a control character)'],
    ['\u009b', 'U+009B (a control character)'],
    ['\ufdd0', 'U+FDD0 (a Unicode noncharacter)'],
    ['\u{10ffff}', 'U+10FFFF (a Unicode noncharacter)'],
    ['\u0378', 'U+0378 (an unassigned code point)'],
    ['abc\u202edef', 'U+202E (a bidirectional control) at position 3'],
    ['\u2066', 'U+2066 (a bidirectional control)'],
    ['a\u200db', 'U+200D (an invisible character)'],
    ['\u00ad', 'U+00AD (an invisible character)'],
    ['a'.repeat(65_537), 'is longer than 65536 characters'],
  ])('refuses %j', (text, problem) => {
    expect(textProblem(text)).toContain(problem);
  });
});

describe('names', () => {
  it.each([
    ['', 'must not be empty', 'must not be empty'],
    ['a'.repeat(64), 'must be no more than 63 characters', undefined],
    ['a.b', 'a lowercase RFC 1123 label', undefined],
    ['..', 'a lowercase RFC 1123 label', 'a lowercase RFC 1123 subdomain'],
    ['a/b', 'a lowercase RFC 1123 label', 'a lowercase RFC 1123 subdomain'],
    ['Web', 'a lowercase RFC 1123 label', 'a lowercase RFC 1123 subdomain'],
    ['web-1', undefined, undefined],
    ['a'.repeat(254), 'must be no more than 63 characters', 'must be no more than 253 characters'],
  ])('%j: label %p, subdomain %p', (name, label, subdomain) => {
    expect(dnsLabelProblem(name)).toEqual(label === undefined ? undefined : expect.stringContaining(label));
    expect(dnsSubdomainProblem(name)).toEqual(subdomain === undefined ? undefined : expect.stringContaining(subdomain));
  });

  it('names the field, the kind and the value, cut short', () => {
    expect(() => checkObjectName('Node', 'x/'.repeat(100), 'input.hosts[2]')).toThrow(/^input\.hosts\[2\]: "(x\/){39}x…\(202 characters\) is not a valid Node name: a lowercase RFC 1123 subdomain/);
  });
});

describe('checkJson', () => {
  const deep = (levels: number) => {
    let value: unknown = 'x';
    for (let i = 0; i < levels; i++) value = { a: [value] };
    return value;
  };

  it('accepts 32 levels and refuses 33, naming where, without recursing', () => {
    expect(() => checkJson(deep(16), 'input.podTemplate')).not.toThrow();
    expect(() => checkJson(deep(17), 'input.podTemplate')).toThrow(/^input\.podTemplate(\.a\[0\]){16}: nests deeper than 32 levels/);
    expect(() => checkJson(deep(100_000), 'p')).toThrow(BadUserInputError);
  });

  it('refuses more than 64 KiB of JSON, counting UTF-8 bytes', () => {
    expect(() => checkJson({ a: 'x'.repeat(65_000) }, 'p')).not.toThrow();
    expect(() => checkJson({ a: 'é'.repeat(33_000) }, 'p')).toThrow(/^p: is 66008 bytes as JSON, more than the 65536 accepted/);
  });

  it('refuses lone surrogates, NUL and noncharacters in values and keys, and allows line breaks', () => {
    expect(() => checkJson({ command: ['sh', '-c', 'echo a\n\techo b'] }, 'p')).not.toThrow();
    expect(() => checkJson({ env: [{ value: 'a\ud800' }] }, 'p')).toThrow(/^p\.env\[0\]\.value: "a\\ud800" holds U\+D800/);
    expect(() => checkJson({ 'bad\u0000key': 1 }, 'p')).toThrow(/^p: key "bad\\u0000key" holds U\+0000/);
    expect(() => checkJson({ 'a b': '\uffff' }, 'p')).toThrow(/^p\["a b"\]: /);
  });
});

describe('checkInputText', () => {
  it('reports the shallowest problem first, under its path', () => {
    expect(() => checkInputText({ input: { deep: { deeper: '\ud800' }, top: '\u202e' } })).toThrow(/^input\.top: /);
  });

  it('bounds lists', () => {
    expect(() => checkInputText({ input: { hosts: Array<string>(1_001).fill('a') } })).toThrow(/^input\.hosts: lists 1001 entries, more than the 1000 accepted/);
  });
});

describe('checkInteger', () => {
  it.each([
    [-1, 'must be a whole number of at least 0, got -1'],
    [11, 'must be a whole number of at most 10 (MAX_REPLICAS), got 11'],
    [1.5, 'must be a whole number, got 1.5'],
  ])('%p: %s', (value, message) => {
    expect(() => checkInteger(value, 'input.replicas', { min: 0, max: 10 }, 'MAX_REPLICAS')).toThrow(`input.replicas: ${message}`);
  });
});
