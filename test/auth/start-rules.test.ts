// What the gateway needs to start: an access file unless HOST is loopback (then every caller is
// the ADMIN `local`, said in a warning), and an access file that holds together, or a message
// naming the entry and field that does not.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { buildGatewaySchema } from '../../schema/build-schema.js';
import { ConfigError, loadConfig, parseAuthFile } from '../../src/config/index.js';
import { createLogger } from '../../src/logging/index.js';
import { startFleetgraph } from '../../src/server/fleetgraph.js';
import { startGateway } from '../../src/server/gateway.js';
import { startTestGateway } from '../support/gateway.js';
import { startTestServices } from '../support/services.js';
import { sha256 } from './tokens.js';

const HASH = sha256('a-token');
const dir = mkdtempSync(join(tmpdir(), 'fleetgraph-auth-'));
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

describe('without FLEETGRAPH_AUTH_FILE', () => {
  it.each(['127.0.0.1', 'localhost', '::1'])('starts on the loopback HOST %s', (host) => {
    expect(loadConfig({ HOST: host })).toMatchObject({ host, auth: undefined });
  });

  it.each(['0.0.0.0', '10.1.2.3', 'fleet.example'])('refuses to start on HOST %s, naming FLEETGRAPH_AUTH_FILE', (host) => {
    expect(() => loadConfig({ HOST: host })).toThrow(ConfigError);
    expect(() => loadConfig({ HOST: host })).toThrow(/FLEETGRAPH_AUTH_FILE: must be set/);
  });

  it('refuses to serve on another HOST even when given a config that skipped loadConfig', async () => {
    const services = await startTestServices();
    try {
      const start = startGateway({ config: { host: '0.0.0.0', port: 0, clusterConcurrency: 1 }, logger: createLogger({ level: 'silent' }), schema: await buildGatewaySchema(), services });
      await expect(start).rejects.toThrow(/FLEETGRAPH_AUTH_FILE/);
    } finally {
      await services.stop();
    }
  });

  it('warns at start that every caller is the ADMIN "local"', async () => {
    const lines: string[] = [];
    const logger = createLogger({ level: 'info', destination: new Writable({ write: (chunk, _enc, done) => (lines.push(String(chunk)), done()) }) });
    const gw = await startTestGateway({ clusters: ['prod-eu'], seed: 'empty', logger });
    try {
      const warnings = lines.map((l) => JSON.parse(l) as { level: number; msg: string }).filter((l) => l.level === 40);
      expect(warnings).toEqual([expect.objectContaining({ msg: expect.stringMatching(/FLEETGRAPH_AUTH_FILE is not set: every caller is an ADMIN named "local"/) })]);
    } finally {
      await gw.stop();
    }
  });
});

describe('with FLEETGRAPH_AUTH_FILE', () => {
  it('starts on any HOST, reading YAML or JSON', () => {
    const yaml = file('access.yaml', `tokens:\n  - name: ci-bot\n    sha256: ${HASH}\n    roles: [OPERATOR]\n    clusters: [prod-eu]\n    namespaces: [acme-*]\nanonymous:\n  roles: [VIEWER]\n  clusters: [staging]\n`);
    const json = file('access.json', JSON.stringify({ tokens: [{ name: 'ci-bot', sha256: HASH, roles: ['OPERATOR'], clusters: ['prod-eu'], namespaces: ['acme-*'] }], anonymous: { roles: ['VIEWER'], clusters: ['staging'] } }));
    const fromYaml = loadConfig({ HOST: '0.0.0.0', FLEETGRAPH_AUTH_FILE: yaml }).auth;
    expect(fromYaml).toEqual({ tokens: [{ name: 'ci-bot', sha256: HASH, roles: ['OPERATOR'], clusters: ['prod-eu'], namespaces: ['acme-*'] }], anonymous: { roles: ['VIEWER'], clusters: ['staging'] } });
    expect(loadConfig({ HOST: '0.0.0.0', FLEETGRAPH_AUTH_FILE: json }).auth).toEqual(fromYaml);
  });

  it('serves callers with the tokens of the file, end to end from the environment', async () => {
    const path = file('team.yaml', `tokens:\n  - { name: ci-bot, sha256: ${HASH}, roles: [OPERATOR] }\n`);
    const config = loadConfig({ PORT: '0', SIM_CLUSTERS: '1', DATA_DIR: mkdtempSync(join(tmpdir(), 'fleetgraph-data-')), FLEETGRAPH_AUTH_FILE: path });
    const app = await startFleetgraph({ config, logger: createLogger({ level: 'silent' }), schema: await buildGatewaySchema() });
    try {
      const me = (authorization?: string) =>
        fetch(app.url, { method: 'POST', headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) }, body: JSON.stringify({ query: '{ me { name } }' }) }).then((r) => r.json());
      expect(await me('Bearer a-token')).toEqual({ data: { me: { name: 'ci-bot' } } });
      expect(await me()).toMatchObject({ errors: [{ extensions: { code: 'UNAUTHENTICATED' } }] });
    } finally {
      await app.stop();
    }
  });

  it('reads the key set a jwt entry names, relative to the access file', () => {
    file('jwks.json', JSON.stringify({ keys: [{ kty: 'EC', crv: 'P-256', x: 'x', y: 'y' }] }));
    const path = file('jwt.yaml', 'jwt:\n  jwksFile: ./jwks.json\n  issuer: https://id.example\n  audience: fleetgraph\n  claims: { name: email }\n');
    expect(loadConfig({ FLEETGRAPH_AUTH_FILE: path }).auth?.jwt).toEqual({
      jwks: { keys: [{ kty: 'EC', crv: 'P-256', x: 'x', y: 'y' }] },
      issuer: 'https://id.example',
      audience: 'fleetgraph',
      claims: { name: 'email', roles: 'fleetgraph_roles', clusters: 'fleetgraph_clusters', namespaces: 'fleetgraph_namespaces' },
    });
  });

  it('stops the start with the file, entry and field of a mistake', () => {
    const path = file('bad.yaml', `tokens:\n  - name: ci-bot\n    sha256: ${HASH}\n    roles: [ROOT]\n`);
    expect(() => loadConfig({ FLEETGRAPH_AUTH_FILE: path })).toThrow(`FLEETGRAPH_AUTH_FILE: access file ${path}:\n  token "ci-bot" roles.0: must be one of VIEWER, OPERATOR, ADMIN`);
    expect(() => loadConfig({ FLEETGRAPH_AUTH_FILE: join(dir, 'missing.yaml') })).toThrow(/cannot be read \(ENOENT\)/);
  });

  const token = (fields: Record<string, unknown>) => JSON.stringify({ tokens: [{ name: 'ci-bot', sha256: HASH, roles: ['VIEWER'], ...fields }] });
  it.each([
    ['a token without a hash', token({ sha256: undefined }), 'token "ci-bot" sha256:'],
    ['a hash that is not SHA-256 hex', token({ sha256: 'abc' }), 'token "ci-bot" sha256: must be the 64 hex digits'],
    ['a token without roles', token({ roles: [] }), 'token "ci-bot" roles: must name at least one role'],
    ['an empty cluster list', token({ clusters: [] }), 'token "ci-bot" clusters: must name at least one cluster'],
    ['an unknown field', token({ password: 'x' }), 'token "ci-bot": Unrecognized key: "password"'],
    ['a token without a name', JSON.stringify({ tokens: [{ sha256: HASH, roles: ['VIEWER'] }] }), 'token #1 name:'],
    ['two tokens of one name', JSON.stringify({ tokens: [{ name: 'a', sha256: HASH, roles: ['VIEWER'] }, { name: 'a', sha256: sha256('b'), roles: ['VIEWER'] }] }), 'token "a" name: is the same as an earlier token\'s'],
    ['two tokens of one hash', JSON.stringify({ tokens: [{ name: 'a', sha256: HASH, roles: ['VIEWER'] }, { name: 'b', sha256: HASH.toUpperCase(), roles: ['VIEWER'] }] }), 'token "b" sha256: is the same as an earlier token\'s'],
    ['jwt with both key sources', JSON.stringify({ jwt: { jwksFile: 'k.json', jwksUrl: 'https://id.example/jwks', issuer: 'i', audience: 'a' } }), 'jwt.jwksFile: give exactly one of jwksFile and jwksUrl'],
    ['jwt without an issuer', JSON.stringify({ jwt: { jwksUrl: 'https://id.example/jwks', audience: 'a' } }), 'jwt.issuer:'],
    ['jwt whose key set is missing', JSON.stringify({ jwt: { jwksFile: 'nowhere.json', issuer: 'i', audience: 'a' } }), 'jwt.jwksFile: jwksFile nowhere.json: cannot be read'],
    ['anonymous with an unknown role', JSON.stringify({ anonymous: { roles: ['GUEST'] } }), 'anonymous.roles.0: must be one of VIEWER, OPERATOR, ADMIN'],
    ['a file that lets nobody in', '{}', '(top level): must give tokens, jwt or anonymous'],
    ['a file that is not YAML', 'tokens: [', 'not JSON or YAML'],
  ])('names the mistake: %s', (_what, text, message) => {
    const readJwks = (name: string) => {
      throw new Error(`jwksFile ${name}: cannot be read (ENOENT)`);
    };
    expect(() => parseAuthFile(text, { source: 'access.yaml', readJwks })).toThrow(message);
  });
});
