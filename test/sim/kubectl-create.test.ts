// The first commands a person types, whose typed clients send protobuf bodies:
// `kubectl create namespace|deployment|secret|configmap` and `kubectl expose`, each printing
// what kubectl prints against a real API server, and the objects read back as it stored them.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type SimFleet, startSimFleet } from '../../src/sim/fleet.js';
import { type Kubectl, kubectlFor } from '../support/kubectl.js';

const CLUSTER = 'prod-eu';
const NS = 'kc-create';

let fleet: SimFleet;
let dir: string;
let kubectl: Kubectl;

beforeAll(async () => {
  fleet = await startSimFleet({ clusters: 1, seed: 'demo', speed: 20 });
  dir = await mkdtemp(join(tmpdir(), 'fleetgraph-create-'));
  await fleet.writeKubeconfig(join(dir, 'kubeconfig'));
  kubectl = kubectlFor({ kubeconfig: join(dir, 'kubeconfig'), context: CLUSTER, cacheDir: join(dir, 'cache') });
  // Later commands work in this namespace; creating it is the first story.
  created = await kubectl.run(['create', 'namespace', NS]);
});

afterAll(async () => {
  await kubectl?.stopAll();
  await fleet?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

let created: Awaited<ReturnType<Kubectl['run']>>;
const inNs = (...args: string[]) => [...args, '-n', NS];

describe('kubectl create namespace', () => {
  it('prints namespace/NAME created and the namespace is Active', async () => {
    expect(created).toMatchObject({ code: 0, stdout: `namespace/${NS} created\n` });
    const ns = await kubectl.json(['get', 'namespace', NS]);
    expect(ns).toMatchObject({ kind: 'Namespace', metadata: { name: NS }, status: { phase: 'Active' } });
  });

  it('refuses a second one by the same name as AlreadyExists', async () => {
    const again = await kubectl.run(['create', 'namespace', NS]);
    expect(again.code).toBe(1);
    expect(again.stderr.trim()).toBe(`Error from server (AlreadyExists): namespaces "${NS}" already exists`);
  });
});

describe('kubectl create deployment, then expose it', () => {
  it('rolls out, reports so through rollout status, and gets a service selecting its pods', async () => {
    const create = await kubectl.run(inNs('create', 'deployment', 'web', '--image=nginx:1.27', '--replicas=2', '--port=8080'));
    expect(create).toMatchObject({ code: 0, stdout: 'deployment.apps/web created\n' });
    const [status, exposed] = await Promise.all([
      kubectl.run(inNs('rollout', 'status', 'deployment/web', '--timeout=20s')),
      kubectl.run(inNs('expose', 'deployment', 'web', '--port=80', '--target-port=8080')),
    ]);
    expect(status.code).toBe(0);
    expect(status.stdout.trim().split('\n').at(-1)).toBe('deployment "web" successfully rolled out');
    expect(exposed).toMatchObject({ code: 0, stdout: 'service/web exposed\n' });

    const deploy = await kubectl.json(inNs('get', 'deployment', 'web'));
    expect(deploy.spec).toMatchObject({
      replicas: 2,
      selector: { matchLabels: { app: 'web' } },
      template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'nginx', image: 'nginx:1.27', ports: [{ containerPort: 8080 }] }] } },
    });
    expect(deploy.status).toMatchObject({ readyReplicas: 2, updatedReplicas: 2 });

    const svc = await kubectl.json(inNs('get', 'service', 'web'));
    expect(svc.spec).toMatchObject({ selector: { app: 'web' }, ports: [{ port: 80, targetPort: 8080, protocol: 'TCP' }], type: 'ClusterIP' });
    expect(svc.spec.clusterIP).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
  });
});

describe('kubectl create secret generic', () => {
  it('stores the literals as base64 data that decodes back', async () => {
    const password = 's3cr=t with spaces & ünïcode';
    const create = await kubectl.run(inNs('create', 'secret', 'generic', 'creds', '--from-literal=user=admin', `--from-literal=password=${password}`));
    expect(create).toMatchObject({ code: 0, stdout: 'secret/creds created\n' });
    const [user, pass, type] = await Promise.all([
      kubectl.ok(inNs('get', 'secret', 'creds', '-o', 'jsonpath={.data.user}')),
      kubectl.ok(inNs('get', 'secret', 'creds', '-o', 'jsonpath={.data.password}')),
      kubectl.ok(inNs('get', 'secret', 'creds', '-o', 'jsonpath={.type}')),
    ]);
    expect(Buffer.from(user, 'base64').toString('utf8')).toBe('admin');
    expect(Buffer.from(pass, 'base64').toString('utf8')).toBe(password);
    expect(type).toBe('Opaque');
  });
});

describe('kubectl create configmap', () => {
  it('stores the literals as data', async () => {
    const create = await kubectl.run(inNs('create', 'configmap', 'settings', '--from-literal=mode=fast', '--from-literal=replicas=3'));
    expect(create).toMatchObject({ code: 0, stdout: 'configmap/settings created\n' });
    const cm = await kubectl.json(inNs('get', 'configmap', 'settings'));
    expect(cm).toMatchObject({ kind: 'ConfigMap', metadata: { name: 'settings', namespace: NS }, data: { mode: 'fast', replicas: '3' } });
  });
});
