import { hostNameProblem, normalizeHostNames } from '../../src/validation/host-names.js';
import { BadUserInputError } from '../../src/errors/index.js';

describe('hostNameProblem', () => {
  it.each([
    'acme.example',
    'www.acme.example',
    'localhost',
    'a-b.c-d.example',
    '1password.example',
    'xn--bcher-kva.example',
    '10.0.0.1',
    '255.255.255.255',
    '2001:db8::1',
    '::1',
    '::ffff:10.0.0.1',
    `${'a'.repeat(63)}.example`,
    `${'a'.repeat(63)}.${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(61)}`,
  ])('accepts %p', (host) => {
    expect(hostNameProblem(host)).toBeUndefined();
  });

  it.each([
    ['', 'is empty'],
    ['*.acme.example', 'is a wildcard'],
    ['acme.example.', 'ends with a dot'],
    ['-acme.example', 'label "-acme"'],
    ['acme-.example', 'label "acme-"'],
    ['acme..example', 'label ""'],
    ['acme_web.example', 'label "acme_web"'],
    ['acme example', 'label "acme example"'],
    ['https://acme.example', 'give no scheme or port'],
    ['acme.example:8080', 'give no scheme or port'],
    ['2001:db8::1::2', '":" belongs only in an IPv6 address'],
    ['fe80::1%eth0', 'without a zone'],
    ['10.0.0', 'last label is all digits'],
    ['10.0.0.256', 'last label is all digits'],
    [`${'a'.repeat(64)}.example`, 'label longer than 63'],
    [`${'a'.repeat(63)}.${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(62)}`, 'longer than 253'],
  ])('refuses %p: %s', (host, problem) => {
    expect(hostNameProblem(host)).toContain(problem);
  });
});

describe('normalizeHostNames', () => {
  it('lower-cases and de-duplicates, keeping the first order', () => {
    expect(normalizeHostNames(['B.example', 'a.example', 'b.example', 'A.EXAMPLE', '10.0.0.1'], 'hostNames')).toEqual(['b.example', 'a.example', '10.0.0.1']);
  });

  it('is empty for none', () => {
    expect(normalizeHostNames([], 'hostNames')).toEqual([]);
  });

  it('names the field and every bad entry, as written', () => {
    const call = () => normalizeHostNames(['ok.example', 'Bad_Host', '*.x.example'], 'publicHosts');
    expect(call).toThrow(BadUserInputError);
    expect(call).toThrow(/^publicHosts: "Bad_Host" is neither .*; "\*\.x\.example" is a wildcard/);
  });
});
