// Captures the protobuf request bodies kubectl itself sends, as decoding fixtures:
// a simulated cluster behind a recording proxy, kubectl's imperative commands run through
// it, and the first body of each kind written to test/sim/fixtures/kubectl-protobuf/<kind>.bin,
// beside <kind>.json, the same command's object as kubectl prints it (--dry-run=client -o json),
// and index.json naming the command, method and path that produced each.
// Only these commands send protobuf: `kubectl run`, `drain` (evictions), `apply` and
// `create -f` send JSON, so Pods and Evictions have no kubectl fixture.
//
//   npm run build && node dist/scripts/capture-kubectl-protobuf.js [kubectl binary]
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { startSimFleet } from '../src/sim/fleet.js';
import { kubeconfigFor, writeKubeconfig } from '../src/sim/kubeconfig.js';
import { PROTOBUF_MEDIA_TYPE, decodeKubeProtobuf } from '../src/sim/proto/codec.js';

const NS = 'capture';
const kubectlBin = process.argv[2] ?? 'kubectl';
const outDir = new URL('../../test/sim/fixtures/kubectl-protobuf/', import.meta.url);

/** commands whose typed clients send protobuf; each kind's first body is kept */
const commands: string[][] = [
  ['create', 'namespace', NS],
  ['create', 'deployment', 'web', '--image=nginx:1.27', '--replicas=2', '--port=8080', '-n', NS],
  ['create', 'secret', 'generic', 'creds', '--from-literal=user=admin', '--from-literal=password=s3cr=t', '-n', NS],
  ['create', 'configmap', 'settings', '--from-literal=mode=fast', '--from-literal=replicas=3', '-n', NS],
  ['create', 'service', 'clusterip', 'api', '--tcp=80:8080', '-n', NS],
  ['create', 'serviceaccount', 'robot', '-n', NS],
  ['create', 'clusterrole', 'pod-reader', '--verb=get,list,watch', '--resource=pods,deployments.apps'],
  ['create', 'clusterrolebinding', 'robot-reads', '--clusterrole=pod-reader', `--serviceaccount=${NS}:robot`],
];

interface Captured {
  command: string;
  method: string;
  path: string;
}

const fleet = await startSimFleet({ clusters: 1, seed: 'demo', speed: 20 });
const target = new URL(fleet.clusters[0]!.url);
const captured = new Map<string, { meta: Captured; body: Buffer }>();
let current = '';

const proxy = http.createServer((req, res) => void forward(req, res));
await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
const dir = await mkdtemp(join(tmpdir(), 'fleetgraph-capture-'));
const kubeconfig = join(dir, 'kubeconfig');
await writeKubeconfig(kubeconfig, kubeconfigFor([{ name: 'capture', url: `http://127.0.0.1:${(proxy.address() as AddressInfo).port}` }]));

try {
  const printed = new Map<string, string>();
  for (const args of commands) {
    printed.set(`kubectl ${args.join(' ')}`, await kubectl([...args, '--dry-run=client', '-o', 'json']));
    await kubectl(args);
  }
  await mkdir(outDir, { recursive: true });
  const index: Record<string, Captured> = {};
  for (const [kind, { meta, body }] of [...captured].sort(([a], [b]) => a.localeCompare(b))) {
    const file = `${kind.toLowerCase()}.bin`;
    await writeFile(new URL(file, outDir), body);
    await writeFile(new URL(`${kind.toLowerCase()}.json`, outDir), printed.get(meta.command)!);
    index[file] = meta;
  }
  await writeFile(new URL('index.json', outDir), `${JSON.stringify(index, null, 2)}\n`);
  console.log(`captured ${captured.size} kinds: ${[...captured.keys()].join(', ')}`);
} finally {
  proxy.close();
  await fleet.stop();
  await rm(dir, { recursive: true, force: true });
}

async function kubectl(args: string[]): Promise<string> {
  current = `kubectl ${args.join(' ')}`;
  const { stdout } = await promisify(execFile)(kubectlBin, ['--kubeconfig', kubeconfig, '--cache-dir', join(dir, 'cache'), ...args]);
  return stdout;
}

async function forward(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const body = Buffer.concat(chunks);
  if ((req.headers['content-type'] ?? '').startsWith(PROTOBUF_MEDIA_TYPE) && body.length) {
    const kind = String(decodeKubeProtobuf(body).kind);
    if (!captured.has(kind)) captured.set(kind, { meta: { command: current, method: req.method!, path: req.url! }, body });
  }
  const upstream = http.request({ host: target.hostname, port: target.port, method: req.method, path: req.url, headers: req.headers }, (answer) => {
    res.writeHead(answer.statusCode ?? 502, answer.headers);
    answer.pipe(res);
  });
  upstream.on('error', () => res.destroy());
  upstream.end(body);
}
