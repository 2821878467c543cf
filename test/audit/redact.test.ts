// What the audit keeps of a mutation's arguments: secrets redacted by name, by place and by
// look, and any input, however deep or large, cut down to a bounded plain copy.
import { DEFAULT_ARG_LIMITS, auditArgs, isSecretName, redactText } from '../../src/audit/index.js';

const PEM = '-----BEGIN CERTIFICATE-----\nMIIBszCCAVmgAwIBAgIUeX4nZ\n-----END CERTIFICATE-----';
const KEY = '-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA1x\n-----END RSA PRIVATE KEY-----';
const JWT = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhbGljZSJ9.dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk';

describe('secret names', () => {
  it.each([
    ['token', true],
    ['certificateAuthorityData', true],
    ['clientKeyData', true],
    ['apiKey', true],
    ['privateKey', true],
    ['dbPassword', true],
    ['clientSecret', true],
    ['bearerToken', true],
    ['key', false],
    ['idempotencyKey', false],
    ['secretKeyRef', false],
    ['name', false],
    ['server', false],
    ['insecureSkipTlsVerify', false],
  ])('%s: %s', (name, secret) => expect(isSecretName(name)).toBe(secret));
});

describe('secret values, wherever they sit', () => {
  it.each([
    ['a PEM certificate', PEM, '[redacted]'],
    ['a PEM private key inside text', `key: ${KEY} (rotated)`, 'key: [redacted] (rotated)'],
    ['a PEM block cut off before its end', '-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBg', '[redacted]'],
    ['base64 of a PEM block (certificate-authority-data)', Buffer.from(PEM).toString('base64'), '[redacted]'],
    ['a bearer token', 'Authorization: Bearer abc.DEF-123_x', 'Authorization: Bearer [redacted]'],
    ['basic credentials', 'Basic YWxpY2U6aHVudGVyMg==', 'Basic [redacted]'],
    ['a JWT', `token ${JWT} expires`, 'token [redacted] expires'],
    ['a password in a URL', 'postgres://app:hunter2@db:5432/app', 'postgres://app:[redacted]@db:5432/app'],
    ['a password flag', '--db-password=hunter2', '--db-password=[redacted]'],
    ['a quoted secret assignment', 'CLIENT_SECRET="a b c" ./run', 'CLIENT_SECRET=[redacted] ./run'],
    ['an API key variable', 'API_KEY=abc123 ./run', 'API_KEY=[redacted] ./run'],
    ['a token in a query string', 'https://hooks.example/cb?access_token=abc&x=1', 'https://hooks.example/cb?access_token=[redacted]&x=1'],
    ['a random key (base64)', 'q2N8d0Zl3Xv9Yb1Kc7Tg5Hs4Jw6Pm0Ra2Ue8Lo1Ni3M=', '[redacted]'],
    ['a personal access token', 'ghp_16C7e42F292c6912E7710c838347Ae178B4a', '[redacted]'],
  ])('redacts %s', (_, text, expected) => expect(redactText(text)).toBe(expected));

  it.each([
    ['an image', 'acme/api:1.5.0_19_c3d4e5f6'],
    ['an image by digest', `acme/api@sha256:${'0123456789abcdef'.repeat(4)}`],
    ['a long DNS name', 'acme-production-payments-gateway-canary-2026'],
    ['a label key', 'fleetgraph.io/environment'],
    ['prose about a token', 'the token is missing'],
    ['an idempotency key', 'deploy-2026-09-01-0001'],
    ['a command', 'nginx -g daemon off;'],
  ])('keeps %s', (_, text) => expect(redactText(text)).toBe(text));
});

describe('auditArgs', () => {
  it('redacts by name at any depth, keeps nulls, and makes class instances and dates plain JSON', () => {
    class Input {
      name = 'edge';
      token = 't0k3n';
      certificateAuthorityData = null;
      labels = [{ key: 'tier', value: 'edge' }];
      nested = { auth: { password: 'pw' }, at: new Date(0) };
    }
    expect(auditArgs({ input: new Input(), idempotencyKey: 'k' })).toEqual({
      input: { name: 'edge', token: '[redacted]', certificateAuthorityData: null, labels: [{ key: 'tier', value: 'edge' }], nested: { auth: { password: '[redacted]' }, at: '1970-01-01T00:00:00.000Z' } },
      idempotencyKey: 'k',
    });
  });

  it("redacts containers' env values and secret-looking strings, keeping references to secrets", () => {
    const container = {
      name: 'api',
      image: 'acme/api:2.0',
      args: ['--listen=:8080', '--db-password=hunter2'],
      env: [
        { name: 'MODE', value: 'production' },
        { name: 'DB_URL', valueFrom: { secretKeyRef: { name: 'db', key: 'url' } } },
      ],
    };
    const podTemplate = { metadata: { annotations: { 'acme.io/ca': PEM } }, spec: { containers: [container] } };
    expect(auditArgs({ input: { name: 'api', podTemplate } })).toEqual({
      input: {
        name: 'api',
        podTemplate: {
          metadata: { annotations: { 'acme.io/ca': '[redacted]' } },
          spec: {
            containers: [{
              ...container,
              args: ['--listen=:8080', '--db-password=[redacted]'],
              env: [{ name: 'MODE', value: '[redacted]' }, container.env[1]],
            }],
          },
        },
      },
    });
  });

  const small = { maxDepth: 2, maxStringLength: 5, maxItems: 2, maxTotalChars: 100 };
  it.each<[string, Record<string, unknown>, Partial<typeof small>, Record<string, unknown>]>([
    ['deep nesting', { a: { b: { c: { d: 1 } } }, l: [[[1]]] }, {}, { a: { b: { c: '[truncated: nested deeper than 2 levels]' } }, l: [['[truncated: nested deeper than 2 levels]']] }],
    ['a long string', { s: '1234567' }, {}, { s: '12345[truncated: 2 more characters]' }],
    ['a long list', { l: [1, 2, 3, 4] }, {}, { l: [1, 2, '[truncated: 2 more items]'] }],
    ['many fields', { o: { a: 1, b: 2, c: 3 } }, {}, { o: { a: 1, b: 2, '[truncated]': '1 more field' } }],
    ['the total size', { a: '1234', b: '5678', c: 'x', d: { e: 1 } }, { maxItems: 4, maxTotalChars: 8 }, { a: '1234', b: '56[truncated: 2 more characters]', '[truncated]': '2 more fields' }],
    ['the total size in a list', { l: [12, 34, 56, [7]] }, { maxItems: 4, maxTotalChars: 6 }, { l: [12, 34, '[truncated: 2 more items]'] }],
    ['the total size, counting every value', { l: [[], [], [], []], n: null }, { maxItems: 4, maxTotalChars: 7 }, { l: [[], [], '[truncated: 2 more items]'], '[truncated]': '1 more field' }],
  ])('cuts %s short with a marker', (_, args, over, expected) => {
    expect(auditArgs(args, { ...small, ...over })).toEqual(expected);
  });

  it('keeps a pod template nested 20,000 levels to the default depth, as plain JSON', () => {
    let deep: unknown = [];
    for (let i = 0; i < 20_000; i++) deep = [deep];
    const kept = auditArgs({ input: { podTemplate: { spec: { containers: [], extra: deep } } } });
    const json = JSON.stringify(kept);
    expect(json).toContain(`[truncated: nested deeper than ${DEFAULT_ARG_LIMITS.maxDepth} levels]`);
    expect(depthOf(JSON.parse(json))).toBe(DEFAULT_ARG_LIMITS.maxDepth);
  });
});

/** Levels of objects and lists, counted without recursion. */
function depthOf(value: unknown): number {
  let deepest = 0;
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [item, depth] = stack.pop()!;
    if (item === null || typeof item !== 'object') continue;
    deepest = Math.max(deepest, depth);
    for (const child of Object.values(item)) stack.push([child, depth + 1]);
  }
  return deepest;
}
