// JWTs signed by a key made here: issuer, audience, expiry and signature checked over HTTP and
// over graphql-ws, where a bad token closes the socket and an expiring one ends its subscriptions.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { type CryptoKey, type JWK, SignJWT, exportJWK, generateKeyPair } from 'jose';
import { createLogger } from '../../src/logging/index.js';
import { startTestGateway, type TestGateway } from '../support/gateway.js';
import { subscribe, waitFor, wsClient } from '../support/subscriptions.js';
import { codesIn, raw } from './http.js';

const ISSUER = 'https://id.test';
const AUDIENCE = 'fleetgraph';

let gw: TestGateway;
let key: CryptoKey;
let otherKey: CryptoKey;
let publicJwk: JWK;
const logs: string[] = [];

beforeAll(async () => {
  ({ privateKey: key, publicKey: publicJwk } = await generateKeyPair('ES256').then(async (pair) => ({ privateKey: pair.privateKey, publicKey: await exportJWK(pair.publicKey) })));
  ({ privateKey: otherKey } = await generateKeyPair('ES256'));
  const logger = createLogger({ level: 'debug', destination: new Writable({ write: (chunk, _enc, done) => (logs.push(String(chunk)), done()) }) });
  gw = await startTestGateway({
    clusters: ['prod-eu'],
    seed: 'demo',
    logger,
    auth: { tokens: [], jwt: { jwks: { keys: [{ ...publicJwk, kid: 'test', alg: 'ES256' }] }, issuer: ISSUER, audience: AUDIENCE, claims: { name: 'sub', roles: 'fleetgraph_roles', clusters: 'fleetgraph_clusters', namespaces: 'fleetgraph_namespaces' } } },
  });
});
afterAll(() => gw.stop());

interface Claims {
  sub?: string;
  roles?: unknown;
  issuer?: string;
  audience?: string;
  /** seconds from now; negative: already expired */
  expiresIn?: number;
  signedBy?: CryptoKey;
}

function sign({ sub = 'alice', roles = ['OPERATOR'], issuer = ISSUER, audience = AUDIENCE, expiresIn = 300, signedBy = key }: Claims = {}): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ fleetgraph_roles: roles as string[] })
    .setProtectedHeader({ alg: 'ES256', kid: 'test' })
    .setSubject(sub)
    .setIssuer(issuer)
    .setAudience(audience)
    .setIssuedAt(now - 600)
    .setExpirationTime(now + expiresIn)
    .sign(signedBy);
}

const ME = { query: '{ me { name roles } }' };

describe('over HTTP', () => {
  it('takes a valid JWT as its subject, with the roles of its roles claim', async () => {
    const res = await raw(gw.url, { headers: { authorization: `Bearer ${await sign()}` }, body: ME });
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toEqual({ data: { me: { name: 'alice', roles: ['VIEWER', 'OPERATOR'] } } });
  });

  it.each<[string, Claims]>([
    ['another issuer', { issuer: 'https://evil.test' }],
    ['another audience', { audience: 'someone-else' }],
    ['an expired token', { expiresIn: -60 }],
    ['a signature by another key', { signedBy: undefined }],
  ])('refuses %s with 401 UNAUTHENTICATED, and never logs the token', async (_what, claims) => {
    const token = await sign('signedBy' in claims ? { signedBy: otherKey } : claims);
    const res = await raw(gw.url, { headers: { authorization: `Bearer ${token}` }, body: ME });
    expect(res.status).toBe(401);
    expect(res.headers['www-authenticate']).toBe('Bearer');
    expect(codesIn(res.body)).toEqual(['UNAUTHENTICATED']);
    expect(res.body).not.toContain(token);
    expect(logs.join('')).not.toContain(token.split('.')[2]);
  });

  it('refuses an Authorization that is not a bearer token', async () => {
    const res = await raw(gw.url, { headers: { authorization: 'Basic YWxpY2U6c2VjcmV0' }, body: ME });
    expect([res.status, codesIn(res.body)]).toEqual([401, ['UNAUTHENTICATED']]);
  });

  it('answers UNAUTHENTICATED to a caller without a token when the access file has no anonymous grant', async () => {
    const res = await raw(gw.url, { body: ME });
    expect(codesIn(res.body)).toEqual(['UNAUTHENTICATED']);
  });
});

describe('with a key set fetched from jwksUrl', () => {
  it('verifies tokens against the keys the URL serves', async () => {
    let fetched = 0;
    const jwks = createServer((_req, res) => {
      fetched++;
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ keys: [{ ...publicJwk, kid: 'test', alg: 'ES256' }] }));
    });
    await new Promise<void>((resolve) => jwks.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(jwks.address() as AddressInfo).port}/jwks.json`;
    const remote = await startTestGateway({ fleet: gw.fleet, auth: { tokens: [], jwt: { jwks: { url }, issuer: ISSUER, audience: AUDIENCE, claims: { name: 'sub', roles: 'fleetgraph_roles', clusters: 'fleetgraph_clusters', namespaces: 'fleetgraph_namespaces' } } } });
    try {
      const ok = await raw(remote.url, { headers: { authorization: `Bearer ${await sign({ sub: 'carol' })}` }, body: ME });
      expect(JSON.parse(ok.body)).toEqual({ data: { me: { name: 'carol', roles: ['VIEWER', 'OPERATOR'] } } });
      const forged = await raw(remote.url, { headers: { authorization: `Bearer ${await sign({ signedBy: otherKey })}` }, body: ME });
      expect(forged.status).toBe(401);
      expect(fetched).toBeGreaterThan(0);
    } finally {
      await remote.stop();
      await new Promise((resolve) => jwks.close(resolve));
    }
  });
});

describe('over graphql-ws', () => {
  /** Connects with `token` (none: no authorization) and resolves with the close code, or 'open'. */
  async function connect(token?: string): Promise<number | 'open'> {
    let outcome: number | 'open' | undefined;
    const client = wsClient(gw.url, { token, on: { connected: () => (outcome ??= 'open'), closed: (e) => (outcome ??= (e as { code: number }).code) } });
    try {
      await waitFor(() => outcome !== undefined);
      return outcome!;
    } finally {
      await client.dispose();
    }
  }

  it('accepts a valid JWT in connection_init and runs as its subject', async () => {
    const client = wsClient(gw.url, { token: await sign({ sub: 'bob', roles: ['VIEWER'] }) });
    const me = subscribe<{ me: { name: string } }>(client, '{ me { name } }');
    try {
      await me.until((rs) => rs.length > 0);
      expect(me.results).toEqual([{ data: { me: { name: 'bob' } } }]);
    } finally {
      await client.dispose();
    }
  });

  it.each<[string, number, () => Promise<string | undefined>]>([
    ['no token', 4401, async () => undefined],
    ['an expired token', 4401, () => sign({ expiresIn: -60 })],
    ['a badly signed token', 4401, () => sign({ signedBy: otherKey })],
    ['a token that grants no role', 4403, () => sign({ roles: [] })],
  ])('closes the socket given %s (%i)', async (_what, code, token) => {
    expect(await connect(await token())).toBe(code);
  });

  it('ends the subscriptions of a socket when its JWT expires', async () => {
    let closedWith: number | undefined;
    const client = wsClient(gw.url, { token: await sign({ expiresIn: 2 }), on: { closed: (e) => (closedWith = (e as { code: number }).code) } });
    const updates = subscribe(client, 'subscription { operationUpdated { id } }');
    try {
      await waitFor(() => closedWith !== undefined, 10_000);
      expect(closedWith).toBe(4401);
      await waitFor(() => updates.completed || updates.results.some((r) => r.errors));
    } finally {
      await client.dispose();
    }
  });
});
