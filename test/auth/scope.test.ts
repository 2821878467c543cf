// The pure rules under access control: namespace globs, what a mutation's reach needs of a
// scope, which names are loopback, and which requests the Origin/Host policy refuses.
import { ALL, covers, createOriginPolicy, isLoopbackName, scopeOf, seesNamespace, seesObject, withImpliedRoles } from '../../src/auth/index.js';

describe('namespace globs', () => {
  const scope = scopeOf({ namespaces: ['acme-*', 'team-?', 'a.b'] });
  it.each([
    ['acme-production', true],
    ['acme-', true],
    ['globex-acme-production', false],
    ['team-a', true],
    ['team-ab', false],
    ['a.b', true],
    ['axb', false],
  ])('%s is seen: %s', (namespace, seen) => {
    expect(seesNamespace(scope, namespace)).toBe(seen);
  });

  it('sees cluster-scoped objects (hosts) in every namespace scope of its clusters', () => {
    expect(seesObject(scopeOf({ clusters: ['prod-eu'], namespaces: ['acme-*'] }), 'prod-eu', null)).toBe(true);
    expect(seesObject(scopeOf({ clusters: ['prod-eu'], namespaces: ['acme-*'] }), 'prod-us', null)).toBe(false);
  });
});

describe('reach', () => {
  const limited = scopeOf({ clusters: ['prod-eu'], namespaces: ['acme-*'] });
  it.each([
    ['named in-scope clusters and namespaces', { clusters: ['prod-eu'], namespaces: ['acme-production'] }, true],
    ['every cluster', { clusters: ALL, namespaces: ['acme-production'] }, false],
    ['every namespace', { clusters: ['prod-eu'], namespaces: ALL }, false],
    ['an out-of-scope cluster among in-scope ones', { clusters: ['prod-eu', 'prod-us'], namespaces: ['acme-production'] }, false],
    ['nothing', { clusters: [], namespaces: [] }, true],
  ] as const)('%s: allowed %s', (_what, reach, allowed) => {
    expect(covers(limited, reach)).toBe(allowed);
  });

  it('lets an unlimited scope reach everything', () => {
    expect(covers(scopeOf({}), { clusters: ALL, namespaces: ALL })).toBe(true);
  });
});

describe('roles', () => {
  it.each([
    [['VIEWER'], ['VIEWER']],
    [['OPERATOR'], ['VIEWER', 'OPERATOR']],
    [['ADMIN', 'VIEWER'], ['VIEWER', 'OPERATOR', 'ADMIN']],
    [[], []],
  ] as const)('%j holds %j', (granted, held) => {
    expect(withImpliedRoles(granted)).toEqual(held);
  });
});

describe('loopback names', () => {
  it.each([
    ['127.0.0.1', true],
    ['127.8.9.10', true],
    ['localhost', true],
    ['LOCALHOST', true],
    ['app.localhost', true],
    ['::1', true],
    ['[::1]', true],
    ['0.0.0.0', false],
    ['10.0.0.1', false],
    ['localhost.evil.example', false],
    ['127.0.0.1.nip.io', false],
  ])('%s: %s', (name, loopback) => {
    expect(isLoopbackName(name)).toBe(loopback);
  });
});

describe('the Origin/Host policy', () => {
  const loopback = createOriginPolicy({ host: '127.0.0.1', allowedOrigins: ['https://console.example'] });
  const exposed = createOriginPolicy({ host: '0.0.0.0' });
  it.each([
    ['no Origin', loopback, { host: '127.0.0.1:4000' }, true],
    ['its own origin', loopback, { host: '127.0.0.1:4000', origin: 'http://127.0.0.1:4000' }, true],
    ['its own origin under another port', loopback, { host: '127.0.0.1:4000', origin: 'http://127.0.0.1:5000' }, false],
    ['a listed origin', loopback, { host: 'localhost:4000', origin: 'https://console.example' }, true],
    ['a foreign origin', loopback, { host: '127.0.0.1:4000', origin: 'https://evil.example' }, false],
    ['a foreign Host on loopback', loopback, { host: 'evil.example:4000' }, false],
    ['no Host on loopback', loopback, {}, false],
    ['[::1] as Host', loopback, { host: '[::1]:4000' }, true],
    ['a DNS name as Host when exposed', exposed, { host: 'fleet.example', origin: 'https://fleet.example' }, true],
    ['a foreign origin when exposed', exposed, { host: 'fleet.example', origin: 'https://evil.example' }, false],
  ] as const)('%s: allowed %s', (_what, policy, request, allowed) => {
    expect(policy.check(request) === undefined).toBe(allowed);
  });
});
