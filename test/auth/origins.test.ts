// Browsers: a page on another origin, or one reaching 127.0.0.1 under its own name (DNS
// rebinding), is refused over HTTP and websocket alike; a listed origin gets CORS headers.
import WebSocket from 'ws';
import { startTestGateway, type TestGateway } from '../support/gateway.js';
import { codesIn, raw } from './http.js';

const CONSOLE = 'https://console.example';
const ME = { query: '{ me { name } }' };

let gw: TestGateway;
let own: string;
beforeAll(async () => {
  gw = await startTestGateway({ clusters: ['prod-eu'], seed: 'empty', corsOrigins: [CONSOLE] });
  own = new URL(gw.url).origin;
});
afterAll(() => gw.stop());

describe('over HTTP', () => {
  it.each([
    ['a foreign Origin', { origin: 'https://evil.example' }],
    ['the opaque Origin of a sandboxed page', { origin: 'null' }],
    ['a foreign Host on a loopback gateway (DNS rebinding)', { host: 'evil.example:4000', origin: 'http://evil.example:4000' }],
    ['a foreign Host even without an Origin', { host: 'evil.example' }],
  ])('refuses %s with 403 FORBIDDEN before running anything', async (_what, headers) => {
    const res = await raw(gw.url, { headers, body: { query: 'mutation { unregisterCluster(name: "prod-eu") }' } });
    expect([res.status, codesIn(res.body)]).toEqual([403, ['FORBIDDEN']]);
    expect((await gw.query('{ clusters { name } }')).data).toEqual({ clusters: [{ name: 'prod-eu' }] });
  });

  it.each([
    ['no Origin (curl, servers)', {}],
    ['its own origin', { origin: '__own__' }],
    ['a loopback Host by name', { host: 'localhost:4000' }],
  ])('answers a request with %s', async (_what, headers: Record<string, string>) => {
    const res = await raw(gw.url, { headers: { ...headers, ...(headers.origin ? { origin: own } : {}) }, body: ME });
    expect([res.status, JSON.parse(res.body)]).toEqual([200, { data: { me: { name: 'local' } } }]);
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('serves CORS headers to an origin of FLEETGRAPH_CORS_ORIGINS, preflight included', async () => {
    const preflight = await raw(gw.url, { method: 'OPTIONS', headers: { origin: CONSOLE, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization, content-type' } });
    expect(preflight.status).toBe(204);
    expect(preflight.headers).toMatchObject({ 'access-control-allow-origin': CONSOLE, 'access-control-allow-headers': expect.stringContaining('authorization') });
    const res = await raw(gw.url, { headers: { origin: CONSOLE }, body: ME });
    expect([res.status, res.headers['access-control-allow-origin']]).toEqual([200, CONSOLE]);
  });

  it('refuses Apollo Sandbox\'s origin: the playground is served by the gateway itself now', async () => {
    const sandbox = 'https://sandbox.embed.apollographql.com';
    const res = await raw(gw.url, { headers: { origin: sandbox }, body: ME });
    expect([res.status, res.headers['access-control-allow-origin']]).toEqual([403, undefined]);
  });
});

describe('over websockets', () => {
  /** Opens a graphql-ws socket with these upgrade headers; resolves 'open' or the refusal's HTTP status. */
  function upgrade(options: { origin?: string; headers?: Record<string, string> }): Promise<number | 'open'> {
    return new Promise((resolve) => {
      const socket = new WebSocket(gw.url.replace(/^http/, 'ws'), 'graphql-transport-ws', options);
      socket.on('open', () => (socket.close(), resolve('open')));
      socket.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
      socket.on('error', () => undefined);
    });
  }

  it.each([
    ['a foreign Origin', { origin: 'https://evil.example' }, 403],
    ['a foreign Host (DNS rebinding)', { headers: { host: 'evil.example:4000' } }, 403],
    ['no Origin', {}, 'open'],
    ['a listed Origin', { origin: CONSOLE }, 'open'],
  ])('answers an upgrade with %s: %s', async (_what, options, outcome) => {
    expect(await upgrade(options)).toBe(outcome);
  });

  it('accepts its own origin', async () => {
    expect(await upgrade({ origin: own })).toBe('open');
  });
});
