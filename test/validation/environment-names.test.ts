import { checkWorkloadName, environmentTarget } from '../../src/validation/environment-names.js';
import { BadUserInputError } from '../../src/errors/index.js';

describe('environmentTarget', () => {
  it.each([
    ['acme:production', { name: 'acme:production', org: 'acme', env: 'production', namespace: 'acme-production' }],
    ['a1:b-2', { name: 'a1:b-2', org: 'a1', env: 'b-2', namespace: 'a1-b-2' }],
    [`${'a'.repeat(31)}:${'b'.repeat(31)}`, expect.objectContaining({ namespace: `${'a'.repeat(31)}-${'b'.repeat(31)}` })],
  ])('%s → %j', (name, expected) => {
    expect(environmentTarget(name)).toEqual(expected);
  });

  it.each([
    ['', 'is not an environment name of the org:env form'],
    ['acme', 'is not an environment name of the org:env form'],
    ['acme:prod:eu', 'is not an environment name of the org:env form'],
    ['acme-production', 'is not an environment name of the org:env form'],
    ['Acme:prod', '"Acme" in "Acme:prod" is not a DNS-1123 label'],
    ['acme:', '"" in "acme:" is not a DNS-1123 label'],
    ['acme-:prod', '"acme-" in "acme-:prod" is not a DNS-1123 label'],
    ['acme:pr_od', '"pr_od" in "acme:pr_od" is not a DNS-1123 label'],
    [`${'a'.repeat(40)}:${'b'.repeat(23)}`, 'makes a namespace name longer than 63 characters'],
  ])('refuses %p: %s', (name, message) => {
    const call = () => environmentTarget(name);
    expect(call).toThrow(BadUserInputError);
    expect(call).toThrow(`name: ${message.startsWith('"') ? '' : `"${name}" `}${message}`);
  });

  it('names the field it checks', () => {
    expect(() => environmentTarget('nope', 'environment')).toThrow('environment: "nope" is not');
  });
});

describe('checkWorkloadName', () => {
  it.each(['api', 'a', 'web-2', 'a'.repeat(63)])('accepts %p', (name) => {
    expect(checkWorkloadName(name)).toBe(name);
  });

  it.each(['', 'Api', 'api_v2', '-api', 'api-', 'api.v2', 'a'.repeat(64)])('refuses %p', (name) => {
    expect(() => checkWorkloadName(name)).toThrow(`name: "${name}" is not a DNS-1123 label`);
  });
});
