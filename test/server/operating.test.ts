// What an operator's tooling sees: probes, Prometheus metrics that move with real traffic,
// one JSON log line per request, and JSON errors for bodies that are not GraphQL.
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildGatewaySchema } from '../../schema/build-schema.js';
import { loadConfig } from '../../src/config/index.js';
import { createLogger } from '../../src/logging/index.js';
import { startFleetgraph, type Fleetgraph } from '../../src/server/fleetgraph.js';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { eventually } from '../support/wait.js';

type Json = Record<string, unknown>;

const lines: Json[] = [];
let app: Fleetgraph;
let base: string;
beforeAll(async () => {
  const dataDir = await mkdtemp(join(tmpdir(), 'fleetgraph-ops-'));
  const destination = { write: (line: string) => void lines.push(JSON.parse(line) as Json) };
  app = await startFleetgraph({ config: loadConfig({ PORT: '0', DATA_DIR: dataDir, SIM_CLUSTERS: '2' }), logger: createLogger({ destination }), schema: await buildGatewaySchema() });
  base = new URL(app.url).origin;
});
afterAll(() => app.stop());

async function post(body: string, headers: Record<string, string> = {}): Promise<{ status: number; type: string | null; json: Json }> {
  const res = await fetch(app.url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
  return { status: res.status, type: res.headers.get('content-type'), json: (await res.json()) as Json };
}

/** The value of one sample of the scrape, 0 when absent. */
async function sample(name: string, labels: Record<string, string> = {}): Promise<number> {
  const text = await (await fetch(`${base}/metrics`)).text();
  const wanted = Object.entries(labels).map(([k, v]) => `${k}="${v}"`);
  const values = text
    .split('\n')
    .filter((line) => line.startsWith(`${name}{`) || line.startsWith(`${name} `))
    .filter((line) => wanted.every((l) => line.includes(l)))
    .map((line) => Number(line.slice(line.lastIndexOf(' ') + 1)));
  return values.reduce((a, b) => a + b, 0);
}

describe('probes', () => {
  it.each([
    ['/healthz', { status: 'ok' }],
    ['/readyz', { status: 'ready' }],
  ])('%s answers 200 without credentials', async (path, body) => {
    const res = await fetch(base + path);
    expect([res.status, await res.json()]).toEqual([200, body]);
  });

  it.each(['/healthz', '/readyz', '/metrics'])('%s refuses a page on a foreign origin with 403', async (path) => {
    const res = await fetch(base + path, { headers: { origin: 'https://evil.example' } });
    expect(res.status).toBe(403);
  });

  it('answers an unknown path with a JSON 404', async () => {
    const res = await fetch(`${base}/nope`);
    expect([res.status, res.headers.get('content-type'), await res.json()]).toEqual([404, expect.stringMatching(/^application\/json/), { errors: [{ message: 'Not found: GET /nope', extensions: { code: 'NOT_FOUND' } }] }]);
  });
});

describe('/metrics', () => {
  it('names every metric of the issue, in Prometheus text format, with process metrics', async () => {
    const res = await fetch(`${base}/metrics`);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await res.text();
    const names = [...text.matchAll(/^# TYPE (\S+) (\S+)$/gm)].map((m) => `${m[1]} ${m[2]}`);
    expect(names).toEqual(
      expect.arrayContaining([
        'fleetgraph_cluster_up gauge',
        'fleetgraph_kube_requests_total counter',
        'fleetgraph_kube_request_duration_seconds histogram',
        'fleetgraph_graphql_operations_total counter',
        'fleetgraph_graphql_duration_seconds histogram',
        'fleetgraph_watches gauge',
        'fleetgraph_subscribers gauge',
        'fleetgraph_operations_total counter',
        'fleetgraph_sink_events_total counter',
        'process_cpu_seconds_total counter',
      ]),
    );
    expect(await sample('fleetgraph_cluster_up', { cluster: 'prod-eu' })).toBe(1);
  });

  it('counts a query: its operation, its duration and the kube requests it made', async () => {
    const before = {
      ops: await sample('fleetgraph_graphql_operations_total', { type: 'query', name: 'hosts', outcome: 'ok' }),
      lists: await sample('fleetgraph_kube_requests_total', { verb: 'list', resource: 'nodes', code: '200' }),
      timed: await sample('fleetgraph_graphql_duration_seconds_count', { type: 'query' }),
    };
    const { json } = await post(JSON.stringify({ query: '{ hosts { nodes { name } } }' }));
    expect(json.errors).toBeUndefined();
    expect(await sample('fleetgraph_graphql_operations_total', { type: 'query', name: 'hosts', outcome: 'ok' })).toBe(before.ops + 1);
    expect(await sample('fleetgraph_kube_requests_total', { verb: 'list', resource: 'nodes', code: '200' })).toBe(before.lists + 2);
    expect(await sample('fleetgraph_graphql_duration_seconds_count', { type: 'query' })).toBe(before.timed + 1);
  });

  it('counts a mutation, the kube patch it sent and the operation it started', async () => {
    const hosts = await post(JSON.stringify({ query: '{ hosts(filter: { clusters: ["prod-eu"] }) { nodes { name } } }' }));
    const host = ((hosts.json.data as Json).hosts as { nodes: { name: string }[] }).nodes[0]!.name;
    const patches = await sample('fleetgraph_kube_requests_total', { cluster: 'prod-eu', verb: 'patch', resource: 'nodes' });
    const cordon = await post(JSON.stringify({ query: `mutation { cordonHost(cluster: "prod-eu", name: "${host}") { name } }` }));
    expect(cordon.json.errors).toBeUndefined();
    expect(await sample('fleetgraph_graphql_operations_total', { type: 'mutation', name: 'cordonHost', outcome: 'ok' })).toBe(1);
    expect(await sample('fleetgraph_kube_requests_total', { cluster: 'prod-eu', verb: 'patch', resource: 'nodes' })).toBeGreaterThan(patches);

    const restart = await post(JSON.stringify({ query: 'mutation { restartWorkloads(input: { dryRun: true, allNamespaces: true, filter: {} }) { id } }' }));
    expect(restart.json.errors).toBeUndefined();
    expect(await sample('fleetgraph_operations_total', { kind: 'RESTART' })).toBeGreaterThan(0);
  });

  it('counts a subscription over graphql-ws, its subscribers and the watches it started', async () => {
    const client = createClient({ url: app.url.replace(/^http/, 'ws'), webSocketImpl: WebSocket, lazy: false });
    const stop = client.subscribe({ query: 'subscription { resourceChanged(filter: { kinds: [POD] }) { name } }' }, { next: () => {}, error: () => {}, complete: () => {} });
    try {
      await eventually(() => sample('fleetgraph_subscribers'), (n) => n >= 1);
      expect(await sample('fleetgraph_graphql_operations_total', { type: 'subscription', name: 'resourceChanged', outcome: 'ok' })).toBe(1);
      expect(await sample('fleetgraph_watches', { kind: 'Pod' })).toBe(2); // one stream per cluster
      expect(lines).toContainEqual(expect.objectContaining({ msg: 'graphql operation', transport: 'websocket', operationType: 'subscription', rootField: 'resourceChanged', principal: 'local', outcome: 'ok' }));
    } finally {
      stop();
      await client.dispose();
    }
  });

  it('counts a failed request as an error, by its first field', async () => {
    await post(JSON.stringify({ query: '{ cluster(name: 7) { name } }' }));
    expect(await sample('fleetgraph_graphql_operations_total', { outcome: 'error' })).toBeGreaterThan(0);
  });
});

describe('request logs', () => {
  it('writes one JSON line per request: id, operation, principal, duration, outcome, codes', async () => {
    const res = await post(JSON.stringify({ query: 'query Fleet { clusters { name } }', operationName: 'Fleet' }), { 'x-request-id': 'req-42' });
    expect(res.status).toBe(200);
    const matching = lines.filter((l) => l.requestId === 'req-42');
    expect(matching).toHaveLength(1);
    const line = matching[0];
    expect(line).toMatchObject({ level: 30, msg: 'graphql request', operationType: 'query', operationName: 'Fleet', principal: 'local', outcome: 'ok', errorCodes: [], durationMs: expect.any(Number) });
  });

  it('writes one line per step of an operation', async () => {
    await post(JSON.stringify({ query: 'mutation { restartWorkloads(input: { dryRun: true, allNamespaces: true, filter: {} }) { id } }' }));
    const steps = lines.filter((l) => l.msg === 'operation step' && l.kind === 'RESTART').map((l) => l.status);
    expect(steps).toEqual(expect.arrayContaining(['SUCCEEDED']));
  });

  it('names the error codes of a failed request', async () => {
    await post(JSON.stringify({ query: 'mutation { scaleWorkload(input: { workload: { cluster: "nowhere", namespace: "a", kind: DEPLOYMENT, name: "b" }, replicas: 1 }) { name } }' }), { 'x-request-id': 'req-43' });
    expect(lines.find((l) => l.requestId === 'req-43')).toMatchObject({ operationType: 'mutation', outcome: 'error', errorCodes: [expect.stringMatching(/^[A-Z_]+$/)] });
  });
});

describe('bodies that are not GraphQL', () => {
  it.each([
    ['malformed JSON', '{"query": "{ clusters { name } }"'],
    ['JSON that is not an object', '[1, 2'],
  ])('%s gets a JSON BAD_USER_INPUT error, no HTML and no stack', async (_what, body) => {
    const res = await post(body);
    expect(res.status).toBe(400);
    expect(res.type).toMatch(/^application\/json/);
    expect(res.json).toEqual({ errors: [{ message: expect.any(String), extensions: { code: 'BAD_USER_INPUT' } }] });
    expect(JSON.stringify(res.json)).not.toMatch(/at .*\.js|<html/i);
  });

  it('logs a body it could not read as a refused request', async () => {
    await post('{"query": ', { 'x-request-id': 'req-bad-body' });
    expect(lines.find((l) => l.requestId === 'req-bad-body')).toMatchObject({ msg: 'graphql request', outcome: 'error', errorCodes: ['BAD_USER_INPUT'], status: 400 });
  });

  it('an oversized body gets a JSON BAD_USER_INPUT error', async () => {
    const res = await post(JSON.stringify({ query: `{ clusters { name } } #${'x'.repeat(2_000_000)}` }));
    expect([res.status, res.type]).toEqual([413, expect.stringMatching(/^application\/json/)]);
    expect(res.json).toEqual({ errors: [{ message: expect.any(String), extensions: { code: 'BAD_USER_INPUT' } }] });
  });

  it('pretty format turns each line into one a person reads', () => {
    const out: string[] = [];
    const logger = createLogger({ format: 'pretty', destination: { write: (line: string) => void out.push(line) } });
    logger.child({ component: 'request' }).info({ requestId: 'r1', outcome: 'ok' }, 'graphql request');
    expect(out).toEqual([expect.stringMatching(/^\d\d:\d\d:\d\d\.\d{3} INFO {2}\[request\] graphql request requestId=r1 outcome=ok\n$/)]);
  });

  it('every line on the log stays JSON', () => {
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.every((l) => typeof l.msg === 'string' && typeof l.level === 'number')).toBe(true);
  });
});
