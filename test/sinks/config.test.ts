import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadConfig, parseSinks, SinksFileError } from '../../src/config/index.js';

const env = { AUDIT_USER: 'fleet', AUDIT_PASS: 's3cret' };
const parse = (text: string) => parseSinks(text, { source: 'sinks.yaml', env });

describe('parseSinks', () => {
  it('applies the documented defaults', () => {
    expect(parse('sinks: [{ name: audit, url: "http://audit.local/hook" }]')).toEqual([
      {
        name: 'audit',
        url: 'http://audit.local/hook',
        kinds: ['deployments', 'statefulsets', 'daemonsets', 'pods', 'hosts', 'namespaces'],
        ignoreNamespaces: [],
        dropEvents: [],
        pruneFields: [],
        batchSize: 100,
        batchIntervalMs: 1000,
        dedupeWindowMs: 60_000,
        maxQueued: 10_000,
        timeoutMs: 10_000,
        retryInitialDelayMs: 500,
        retryMaxDelayMs: 30_000,
      },
    ]);
  });

  it('reads JSON and YAML alike, and resolves credentials from the named variables', () => {
    const yaml = `
sinks:
  - name: audit
    url: https://audit.local/hook
    usernameEnv: AUDIT_USER
    passwordEnv: AUDIT_PASS
    clusters: [prod-eu]
    kinds: [deployments, hosts]
    namespaces: [acme-production]
    ignoreNamespaces: [kube-system]
    dropEvents: [update]
    pruneFields: [metadata.managedFields, status.conditions]
    batchSize: 5
    batchIntervalMs: 250
    dedupeWindowMs: 0
`;
    const fromYaml = parse(yaml);
    const json = JSON.stringify({
      sinks: [{
        name: 'audit', url: 'https://audit.local/hook', usernameEnv: 'AUDIT_USER', passwordEnv: 'AUDIT_PASS', clusters: ['prod-eu'],
        kinds: ['deployments', 'hosts'], namespaces: ['acme-production'], ignoreNamespaces: ['kube-system'], dropEvents: ['update'],
        pruneFields: ['metadata.managedFields', 'status.conditions'], batchSize: 5, batchIntervalMs: 250, dedupeWindowMs: 0,
      }],
    });
    expect(parse(json)).toEqual(fromYaml);
    expect(fromYaml[0]).toMatchObject({ auth: { username: 'fleet', password: 's3cret' }, kinds: ['deployments', 'hosts'], batchSize: 5 });
    expect(fromYaml[0]).not.toHaveProperty('usernameEnv');
  });

  it.each<[string, string, string]>([
    ['a bad kind', 'sinks: [{ name: a, url: "http://x/", kinds: [nodes] }]', 'sink "a" kinds.0: must be one of deployments, statefulsets, daemonsets, pods, hosts, namespaces'],
    ['a bad event', 'sinks: [{ name: a, url: "http://x/", dropEvents: [modify] }]', 'sink "a" dropEvents.0: must be one of add, update, delete'],
    ['a non-http URL', 'sinks: [{ name: a, url: "ftp://x/" }]', 'sink "a" url: must be an http:// or https:// URL'],
    ['a bad batch size', 'sinks: [{ name: a, url: "http://x/", batchSize: 0 }]', 'sink "a" batchSize: must be at least 1'],
    ['a bad prune path', 'sinks: [{ name: a, url: "http://x/", pruneFields: ["metadata..name"] }]', 'sink "a" pruneFields.0: must be a dot path'],
    ['an unknown field', 'sinks: [{ name: a, url: "http://x/", namespace: [x] }]', 'sink "a": Unrecognized key: "namespace"'],
    ['half the credentials', 'sinks: [{ name: a, url: "http://x/", usernameEnv: AUDIT_USER }]', 'sink "a" passwordEnv: usernameEnv and passwordEnv go together'],
    ['an unset credential variable', 'sinks: [{ name: a, url: "http://x/", usernameEnv: AUDIT_USER, passwordEnv: NOPE }]', 'sink "a" passwordEnv: names NOPE, which is not set'],
    ['a nameless sink, by position', 'sinks: [{ name: a, url: "http://x/" }, { url: "http://y/" }]', 'sink #2 name:'],
    ['a repeated name', 'sinks: [{ name: a, url: "http://x/" }, { name: a, url: "http://y/" }]', 'sink "a" name: is used by an earlier sink'],
    ['no sinks list', 'hooks: []', 'sinks:'],
    ['text that is not YAML', 'sinks: [', 'not JSON or YAML'],
  ])('names the sink and field for %s', (_name, text, message) => {
    expect(() => parse(text)).toThrow(SinksFileError);
    expect(() => parse(text)).toThrow(message);
  });

  it('never prints a credential value', () => {
    const attempt = () => parseSinks('sinks: [{ name: a, url: "http://x/", usernameEnv: AUDIT_USER, passwordEnv: EMPTY }]', { source: 's', env: { ...env, EMPTY: '' } });
    expect(attempt).toThrow('names EMPTY, which is not set');
    expect(attempt).not.toThrow('fleet');
  });
});

describe('loadConfig with FLEETGRAPH_SINKS_FILE', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'fleetgraph-sinks-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('loads the file once, with credentials from the same environment', async () => {
    const path = join(dir, 'sinks.json');
    await writeFile(path, JSON.stringify({ sinks: [{ name: 'a', url: 'http://x/', usernameEnv: 'U', passwordEnv: 'P' }] }));
    const config = loadConfig({ FLEETGRAPH_SINKS_FILE: path, U: 'user', P: 'pass' });
    expect(config.sinks).toMatchObject([{ name: 'a', auth: { username: 'user', password: 'pass' } }]);
  });

  it('stops the start with the file and the problem named', async () => {
    const path = join(dir, 'bad.yaml');
    await writeFile(path, 'sinks:\n  - name: a\n    url: http://x/\n    batchSize: -1\n');
    expect(() => loadConfig({ FLEETGRAPH_SINKS_FILE: path })).toThrow(ConfigError);
    expect(() => loadConfig({ FLEETGRAPH_SINKS_FILE: path })).toThrow(`FLEETGRAPH_SINKS_FILE: sinks file ${path}:\n  sink "a" batchSize: must be at least 1`);
  });

  it('reports a missing file', () => {
    expect(() => loadConfig({ FLEETGRAPH_SINKS_FILE: join(dir, 'missing.yaml') })).toThrow('cannot be read (ENOENT)');
  });

  it('has no sinks without the variable', () => {
    expect(loadConfig({}).sinks).toBeUndefined();
  });
});
