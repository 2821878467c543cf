import { SelectorError, parseFieldSelector } from '../../src/selectors/index.js';

const pod: Record<string, string> = {
  'metadata.name': 'web-1',
  'metadata.namespace': 'default',
  'status.phase': 'Running',
  'spec.nodeName': '',
  'metadata.annotations.odd': 'a,b=c\\d',
};
const get = (field: string): string | undefined => pod[field];

describe('parseFieldSelector matches as Kubernetes does', () => {
  // selector, expected match against `pod`
  describe.each([
    ['', true],
    ['metadata.name=web-1', true],
    ['metadata.name==web-1', true],
    ['metadata.name=web-2', false],
    ['metadata.name!=web-2', true],
    ['metadata.name!=web-1', false],
    ['metadata.name=web-1,status.phase=Running', true],
    ['metadata.name=web-1,status.phase!=Running', false],
    ['spec.nodeName=', true], // an empty value matches an empty field
    ['spec.unknown=', true], // and a missing field reads as ''
    ['spec.unknown!=x', true],
    ['spec.unknown=x', false],
    ['metadata.annotations.odd=a\\,b\\=c\\\\d', true],
    ['metadata.name=web-1,', true], // empty terms are skipped
    [',,', true],
  ])('%j', (selector, expected) => {
    it(`is ${expected}`, () => expect(parseFieldSelector(selector).matches(get)).toBe(expected));
  });
});

describe('parseFieldSelector requirements', () => {
  it('sorts terms, unescapes values and reads == as =', () => {
    const selector = parseFieldSelector('status.phase!=Running,metadata.name==a\\,b');
    expect(selector.requirements).toEqual([
      { field: 'metadata.name', operator: 'Equals', value: 'a,b' },
      { field: 'status.phase', operator: 'NotEquals', value: 'Running' },
    ]);
    expect(selector.toString()).toBe('metadata.name=a\\,b,status.phase!=Running');
  });

  it('splits each term at its first operator: the field cannot hold one', () => {
    expect(parseFieldSelector('a!=\\=b').requirements).toEqual([{ field: 'a', operator: 'NotEquals', value: '=b' }]);
    expect(parseFieldSelector('a==').requirements).toEqual([{ field: 'a', operator: 'Equals', value: '' }]);
  });

  // selector, field asked for, exact value
  describe.each([
    ['metadata.name=web-1', 'metadata.name', 'web-1'],
    ['metadata.name==web-1,status.phase=Running', 'metadata.name', 'web-1'],
    ['metadata.name!=web-1', 'metadata.name', undefined],
    ['status.phase=Running', 'metadata.name', undefined],
    ['', 'metadata.name', undefined],
  ])('exactValue on %j', (selector, field, value) => {
    it(`of ${field} is ${String(value)}`, () => expect(parseFieldSelector(selector).exactValue(field)).toBe(value));
  });

  it.each([
    ['', true],
    [',', true],
    ['a=b', false],
  ])('isEmpty(%j) is %s', (selector, empty) => expect(parseFieldSelector(selector).isEmpty()).toBe(empty));
});

describe('parseFieldSelector rejects invalid input', () => {
  const supported = ['metadata.name', 'metadata.namespace', 'status.phase'];
  // selector, message
  describe.each([
    ['metadata.name', "invalid selector: 'metadata.name'; can't understand 'metadata.name'"],
    ['a=b,c', "invalid selector: 'a=b,c'; can't understand 'c'"],
    ['a=b=c', "invalid field selector: unescaped character in value: = (in 'a=b=c')"],
    ['a==b=c', 'unescaped character in value: ='],
    ['a=b\\', 'invalid field selector: invalid escape sequence: \\'],
    ['a=b\\n', 'invalid field selector: invalid escape sequence: \\n'],
    ['spec.foo=bar', 'field label not supported: spec.foo'],
    ['status.phase=Running,foo=bar', 'field label not supported: foo'],
    ['=x', 'field label not supported: '],
  ])('%j', (selector, message) => {
    it('throws a SelectorError', () => {
      const error = caught(() => parseFieldSelector(selector, supported));
      expect(error).toBeInstanceOf(SelectorError);
      expect(error.message).toContain(message);
      expect(error).toMatchObject({ selector });
    });
  });

  it('accepts any field when no list is given', () => {
    expect(parseFieldSelector('spec.foo=bar').requirements).toEqual([{ field: 'spec.foo', operator: 'Equals', value: 'bar' }]);
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
