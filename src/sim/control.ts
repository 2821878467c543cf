// The fleet's control endpoint: faults, outages and counters for each cluster, for tests,
// demos and benchmarks that drive a simulator in another process (`npm run sim`).
//   GET    /clusters                       names, URLs, up or down, faults
//   GET    /clusters/{name}/counters       requests by `verb resource`;  DELETE resets them
//   GET    /clusters/{name}/summary        objects by kind, pods by phase
//   PUT    /clusters/{name}/faults         body: FaultSettings;           DELETE clears them
//   POST   /clusters/{name}/down | /up | /cut-watches | /compact
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { SimCluster } from './cluster.js';
import type { FaultSettings } from './faults.js';
import { RESOURCES, resourceByKind } from './resources.js';

export interface ControlServer {
  readonly url: string;
  close(): Promise<void>;
}

export async function startControlServer(opts: { clusters: readonly SimCluster[]; host?: string; port?: number }): Promise<ControlServer> {
  const host = opts.host ?? '127.0.0.1';
  const server = http.createServer((req, res) => {
    route(opts.clusters, req, res).catch((err: Error) => send(res, 400, { error: err.message }));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, host, resolve);
  });
  return {
    url: `http://${host}:${(server.address() as AddressInfo).port}`,
    close: () => new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

async function route(clusters: readonly SimCluster[], req: IncomingMessage, res: ServerResponse): Promise<void> {
  const [top, name, action] = new URL(req.url ?? '/', 'http://control').pathname.split('/').filter(Boolean);
  if (top !== 'clusters') return send(res, 404, { error: 'not found' });
  if (!name) return send(res, 200, clusters.map(describe));
  const cluster = clusters.find((c) => c.name === name);
  if (!cluster) return send(res, 404, { error: `no cluster named ${name}` });
  const verb = `${req.method} ${action ?? ''}`;
  switch (verb) {
    case 'GET ':
      return send(res, 200, describe(cluster));
    case 'GET counters':
      return send(res, 200, cluster.counters.snapshot());
    case 'GET summary':
      return send(res, 200, summary(cluster));
    case 'DELETE counters':
      cluster.counters.reset();
      return send(res, 200, {});
    case 'GET faults':
      return send(res, 200, cluster.faults.current);
    case 'PUT faults':
      cluster.faults.set((await readJson(req)) as FaultSettings);
      return send(res, 200, cluster.faults.current);
    case 'DELETE faults':
      cluster.faults.clear();
      return send(res, 200, {});
    case 'POST down':
      await cluster.down();
      return send(res, 200, describe(cluster));
    case 'POST up':
      await cluster.up();
      return send(res, 200, describe(cluster));
    case 'POST cut-watches':
      return send(res, 200, { cut: cluster.cutWatches() });
    case 'POST compact':
      cluster.store.compact();
      return send(res, 200, { resourceVersion: cluster.store.resourceVersion });
    default:
      return send(res, 404, { error: `no action ${verb}` });
  }
}

function summary(c: SimCluster): object {
  const objects = Object.fromEntries(RESOURCES.map((rt) => [rt.plural, c.store.count(rt)]));
  const pods: Record<string, number> = {};
  for (const pod of c.store.list(resourceByKind('Pod'))) {
    const phase = pod.status?.phase ?? 'Unknown';
    pods[phase] = (pods[phase] ?? 0) + 1;
  }
  return { objects, pods, resourceVersion: c.store.resourceVersion };
}

function describe(c: SimCluster): object {
  return { name: c.name, url: c.url, down: c.api.isDown, faults: c.faults.current };
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'Content-Type': 'application/json' });
  res.end(JSON.stringify(body));
}
