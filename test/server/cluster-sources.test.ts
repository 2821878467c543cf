// Where the clusters come from: KUBECONFIG as a list merged as kubectl merges it (checked against
// kubectl itself), http:// servers as kubectl accepts them, a reason for every unreachable
// cluster, and the in-cluster path through client-node's loader against a TLS front of the simulator.
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { createServer as createHttpsServer, type Server } from 'node:https';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { stringify } from 'yaml';
import { buildGatewaySchema } from '../../schema/build-schema.js';
import { loadConfig, type Config } from '../../src/config/index.js';
import { createLogger } from '../../src/logging/index.js';
import { startFleetgraph, type Fleetgraph } from '../../src/server/fleetgraph.js';
import { startSimFleet, type SimFleet } from '../../src/sim/fleet.js';

const run = promisify(execFile);
const CLUSTERS = '{ clusters { name source status error } }';

let fleet: SimFleet;
let dir: string;
beforeAll(async () => {
  fleet = await startSimFleet({ clusters: ['prod-eu', 'prod-us', 'staging'], seed: 'empty' });
  dir = await mkdtemp(join(tmpdir(), 'fleetgraph-sources-'));
});
afterAll(() => fleet.stop());

async function start(config: Config): Promise<{ app: Fleetgraph; logs: Record<string, unknown>[] }> {
  const logs: Record<string, unknown>[] = [];
  const logger = createLogger({ destination: { write: (line: string) => void logs.push(JSON.parse(line) as Record<string, unknown>) } });
  return { app: await startFleetgraph({ config, logger, schema: await buildGatewaySchema() }), logs };
}

async function clusters(app: Fleetgraph): Promise<unknown> {
  const res = await fetch(app.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: CLUSTERS }) });
  return ((await res.json()) as { data: { clusters: unknown } }).data.clusters;
}

/** A kubeconfig file of these contexts, each its own cluster and user; `server` as given (no insecure-skip-tls-verify). */
async function kubeconfig(file: string, current: string, contexts: { name: string; server: string; user?: Record<string, unknown> }[]): Promise<string> {
  const path = join(dir, file);
  await writeFile(path, stringify({
    apiVersion: 'v1',
    kind: 'Config',
    'current-context': current,
    clusters: contexts.map((c) => ({ name: c.name, cluster: { server: c.server } })),
    users: contexts.map((c) => ({ name: c.name, user: c.user ?? { token: 'sim' } })),
    contexts: contexts.map((c) => ({ name: c.name, context: { cluster: c.name, user: c.name } })),
  }));
  return path;
}

describe('KUBECONFIG as a list of files', () => {
  let app: Fleetgraph;
  let logs: Record<string, unknown>[];
  let list: string;
  beforeAll(async () => {
    const url = (name: string) => fleet.cluster(name).url;
    // Both files name `staging`: kubectl keeps the first file's, whose server is gone.
    const first = await kubeconfig('a.yaml', 'prod-eu', [
      { name: 'prod-eu', server: url('prod-eu') },
      { name: 'staging', server: 'http://127.0.0.1:1' },
    ]);
    const second = await kubeconfig('b.yaml', 'prod-us', [
      { name: 'staging', server: url('staging') },
      { name: 'prod-us', server: url('prod-us') },
      { name: 'no-token', server: url('prod-us'), user: { exec: { apiVersion: 'client.authentication.k8s.io/v1', command: 'false', interactiveMode: 'Never' } } },
    ]);
    list = `${first}:${second}`;
    ({ app, logs } = await start(loadConfig({ PORT: '0', DATA_DIR: join(dir, 'data-list'), KUBECONFIG: list })));
  });
  afterAll(() => app.stop());

  it('serves every context of every file, first file winning, plain http:// accepted as kubectl accepts it', async () => {
    expect(await clusters(app)).toEqual([
      { name: 'no-token', source: 'KUBECONFIG', status: 'UNREACHABLE', error: "the request failed: the kubeconfig user's exec credential plugin failed" },
      { name: 'prod-eu', source: 'KUBECONFIG', status: 'OK', error: null },
      { name: 'prod-us', source: 'KUBECONFIG', status: 'OK', error: null },
      { name: 'staging', source: 'KUBECONFIG', status: 'UNREACHABLE', error: 'cannot connect to the API server (ECONNREFUSED)' },
    ]);
  });

  it('merges as kubectl does', async () => {
    const env = { ...process.env, KUBECONFIG: list };
    const contexts = (await run('kubectl', ['config', 'get-contexts', '-o', 'name'], { env })).stdout.split('\n').filter(Boolean).sort();
    const staging = (await run('kubectl', ['config', 'view', '--minify', '--context', 'staging', '-o', 'jsonpath={.clusters[0].cluster.server}'], { env })).stdout;
    const current = (await run('kubectl', ['config', 'current-context'], { env })).stdout.trim();
    expect([contexts, staging, current]).toEqual([['no-token', 'prod-eu', 'prod-us', 'staging'], 'http://127.0.0.1:1', 'prod-eu']);
  });

  it('says in the start log which source is in use', () => {
    expect(logs).toContainEqual(expect.objectContaining({ source: 'kubeconfig', files: list, clusters: ['prod-eu', 'staging', 'prod-us', 'no-token'] }));
    expect(logs.some((l) => l.source === 'embedded')).toBe(false);
  });
});

describe('inside a pod (KUBERNETES_SERVICE_HOST)', () => {
  let front: Server;
  const seen: (string | undefined)[] = [];
  const saved = { host: process.env.KUBERNETES_SERVICE_HOST, port: process.env.KUBERNETES_SERVICE_PORT };
  let prefix: string;
  beforeAll(async () => {
    // The ServiceAccount's files, under a prefix client-node's loader puts before /var/run/secrets.
    prefix = join(dir, 'pod');
    const sa = join(prefix, 'var/run/secrets/kubernetes.io/serviceaccount');
    await mkdir(sa, { recursive: true });
    await run('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '1', '-subj', '/CN=kubernetes', '-addext', 'subjectAltName=IP:127.0.0.1', '-keyout', join(dir, 'key.pem'), '-out', join(sa, 'ca.crt')]);
    await writeFile(join(sa, 'token'), 'pod-token');
    await writeFile(join(sa, 'namespace'), 'fleetgraph');
    // The API server as a pod sees it: HTTPS with the cluster's CA, in front of the simulator.
    const upstream = new URL(fleet.cluster('prod-eu').url);
    front = createHttpsServer({ key: await readFile(join(dir, 'key.pem')), cert: await readFile(join(sa, 'ca.crt')) }, (req, res) => {
      seen.push(req.headers.authorization);
      const proxied = httpRequest({ host: upstream.hostname, port: upstream.port, path: req.url, method: req.method, headers: req.headers }, (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      });
      req.pipe(proxied);
    });
    await new Promise<void>((resolve) => front.listen(0, '127.0.0.1', resolve));
    const address = front.address();
    process.env.KUBERNETES_SERVICE_HOST = '127.0.0.1';
    process.env.KUBERNETES_SERVICE_PORT = String(typeof address === 'object' && address ? address.port : 0);
  });
  afterAll(async () => {
    for (const [key, value] of [['KUBERNETES_SERVICE_HOST', saved.host], ['KUBERNETES_SERVICE_PORT', saved.port]] as const) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
    front.closeAllConnections();
    await new Promise((resolve) => front.close(resolve));
  });

  it('serves the cluster it runs in, by its ServiceAccount token and CA, named by FLEETGRAPH_IN_CLUSTER_NAME', async () => {
    const config = loadConfig({ PORT: '0', DATA_DIR: join(dir, 'data-pod'), KUBERNETES_SERVICE_HOST: '127.0.0.1', FLEETGRAPH_IN_CLUSTER_NAME: 'home' });
    const { app, logs } = await start({ ...config, inCluster: { ...config.inCluster!, pathPrefix: prefix } });
    try {
      expect(await clusters(app)).toEqual([{ name: 'home', source: 'KUBECONFIG', status: 'OK', error: null }]);
      expect(seen.length).toBeGreaterThan(0);
      expect(new Set(seen)).toEqual(new Set(['Bearer pod-token']));
      expect(logs).toContainEqual(expect.objectContaining({ source: 'in-cluster', cluster: 'home' }));
    } finally {
      await app.stop();
    }
  });

  it('defaults the name to in-cluster', () => {
    expect(loadConfig({ KUBERNETES_SERVICE_HOST: '10.0.0.1' }).inCluster).toEqual({ name: 'in-cluster' });
    expect(loadConfig({}).inCluster).toBeUndefined();
  });
});
