// `kubectl apply -f DIR` on the kinds a deployment manifest set holds — a namespace, a
// service account with a cluster role and its binding, a config map, a secret, a deployment
// and its service — printed as a real API server makes kubectl print them.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { type SimFleet, startSimFleet } from '../../src/sim/fleet.js';
import { type Kubectl, type KubeJson, kubectlFor, parseTable, waitFor } from '../support/kubectl.js';

const CLUSTER = 'prod-eu';
const NS = 'fleetgraph';
const labels = { app: 'fleetgraph' };

let fleet: SimFleet;
let dir: string;
let kubectl: Kubectl;

beforeAll(async () => {
  fleet = await startSimFleet({ clusters: 1, seed: 'demo', speed: 20 });
  dir = await mkdtemp(join(tmpdir(), 'fleetgraph-apply-'));
  await fleet.writeKubeconfig(join(dir, 'kubeconfig'));
  kubectl = kubectlFor({ kubeconfig: join(dir, 'kubeconfig'), context: CLUSTER, cacheDir: join(dir, 'cache') });
});

afterAll(async () => {
  await fleet?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** the manifest set, one file per step as a deploy directory holds it; `version` changes what a re-apply changes */
function manifests(version: { logLevel: string; replicas: number; port: number }): Record<string, object[]> {
  return {
    '00-namespace.yaml': [{ apiVersion: 'v1', kind: 'Namespace', metadata: { name: NS } }],
    '10-rbac.yaml': [
      { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'fleetgraph', namespace: NS } },
      {
        apiVersion: 'rbac.authorization.k8s.io/v1',
        kind: 'ClusterRole',
        metadata: { name: 'fleetgraph-reader' },
        rules: [{ apiGroups: ['', 'apps'], resources: ['nodes', 'pods', 'deployments'], verbs: ['get', 'list', 'watch'] }],
      },
      {
        apiVersion: 'rbac.authorization.k8s.io/v1',
        kind: 'ClusterRoleBinding',
        metadata: { name: 'fleetgraph-reader' },
        roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'fleetgraph-reader' },
        subjects: [{ kind: 'ServiceAccount', name: 'fleetgraph', namespace: NS }],
      },
    ],
    '20-app.yaml': [
      { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'fleetgraph', namespace: NS }, data: { LOG_LEVEL: version.logLevel } },
      { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'fleetgraph-keys', namespace: NS }, data: { 'jwt-key': Buffer.from('not-a-key').toString('base64') } },
      {
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        metadata: { name: 'fleetgraph', namespace: NS, labels },
        spec: {
          replicas: version.replicas,
          selector: { matchLabels: labels },
          template: { metadata: { labels }, spec: { serviceAccountName: 'fleetgraph', containers: [{ name: 'gateway', image: 'fleetgraph:1.0.0', ports: [{ containerPort: 4000 }] }] } },
        },
      },
      { apiVersion: 'v1', kind: 'Service', metadata: { name: 'fleetgraph', namespace: NS, labels }, spec: { selector: labels, ports: [{ name: 'http', port: version.port, targetPort: 4000 }] } },
    ],
  };
}

async function writeManifests(files: Record<string, object[]>): Promise<string> {
  const deployDir = join(dir, 'deploy');
  await mkdir(deployDir, { recursive: true });
  for (const [file, docs] of Object.entries(files)) await writeFile(join(deployDir, file), docs.map((d) => stringify(d)).join('---\n'));
  return deployDir;
}

const objects = [
  'namespace/fleetgraph',
  'serviceaccount/fleetgraph',
  'clusterrole.rbac.authorization.k8s.io/fleetgraph-reader',
  'clusterrolebinding.rbac.authorization.k8s.io/fleetgraph-reader',
  'configmap/fleetgraph',
  'secret/fleetgraph-keys',
  'deployment.apps/fleetgraph',
  'service/fleetgraph',
];
const printed = (verbs: Record<string, string>, fallback: string) => objects.map((o) => `${o} ${verbs[o] ?? fallback}\n`).join('');

describe('kubectl apply -f a deployment manifest set', () => {
  it('creates every object, leaves them unchanged on a second apply and configures what changed on a third', async () => {
    const first = { logLevel: 'info', replicas: 2, port: 80 };
    const deployDir = await writeManifests(manifests(first));
    expect(await kubectl.ok(['apply', '-f', deployDir])).toBe(printed({}, 'created'));
    expect(await kubectl.ok(['apply', '-f', deployDir])).toBe(printed({}, 'unchanged'));

    await writeManifests(manifests({ logLevel: 'debug', replicas: 3, port: 8080 }));
    const changed = { 'configmap/fleetgraph': 'configured', 'deployment.apps/fleetgraph': 'configured', 'service/fleetgraph': 'configured' };
    expect(await kubectl.ok(['apply', '-f', deployDir])).toBe(printed(changed, 'unchanged'));

    const [cm, deploy, svc] = await Promise.all(['configmap/fleetgraph', 'deployment/fleetgraph', 'service/fleetgraph'].map((o) => kubectl.json(['get', o, '-n', NS])));
    expect(cm!.data).toEqual({ LOG_LEVEL: 'debug' });
    expect(deploy!.spec.replicas).toBe(3);
    expect(svc!.spec.ports).toEqual([{ name: 'http', port: 8080, protocol: 'TCP', targetPort: 4000 }]);
  });

  it('runs the deployment behind its service, with the defaults the API server fills in', async () => {
    await kubectl.ok(['apply', '-f', await writeManifests(manifests({ logLevel: 'info', replicas: 2, port: 80 }))]);
    await waitFor(async () => (await kubectl.json(['get', 'deployment', 'fleetgraph', '-n', NS])).status?.readyReplicas === 2, { what: 'two ready pods' });
    const svc: KubeJson = await kubectl.json(['get', 'service', 'fleetgraph', '-n', NS]);
    expect(svc.spec).toMatchObject({ type: 'ClusterIP', sessionAffinity: 'None', clusterIPs: [svc.spec.clusterIP], ipFamilies: ['IPv4'] });
    expect(svc.spec.clusterIP).toMatch(/^10\.(9[6-9]|10[0-9]|11[01])\.\d+\.\d+$/);
    const row = parseTable(await kubectl.ok(['get', 'service', 'fleetgraph', '-n', NS, '-o', 'wide'])).rows[0];
    expect(row).toMatchObject({ NAME: 'fleetgraph', TYPE: 'ClusterIP', 'CLUSTER-IP': svc.spec.clusterIP, 'EXTERNAL-IP': '<none>', 'PORT(S)': '80/TCP', SELECTOR: 'app=fleetgraph' });
  });

  it.each([
    ['configmaps', 'NAME DATA AGE', { NAME: 'fleetgraph', DATA: '1' }],
    ['serviceaccounts', 'NAME SECRETS AGE', { NAME: 'fleetgraph', SECRETS: '0' }],
    ['secrets', 'NAME TYPE DATA AGE', { NAME: 'fleetgraph-keys', TYPE: 'Opaque', DATA: '1' }],
    ['clusterroles', 'NAME CREATED_AT', { NAME: 'fleetgraph-reader' }],
    ['clusterrolebindings', 'NAME ROLE AGE USERS GROUPS SERVICEACCOUNTS', { NAME: 'fleetgraph-reader', ROLE: 'ClusterRole/fleetgraph-reader', SERVICEACCOUNTS: 'fleetgraph/fleetgraph' }],
  ])('kubectl get %s -o wide prints the API server’s columns', async (resource, columns, cells) => {
    await kubectl.ok(['apply', '-f', await writeManifests(manifests({ logLevel: 'info', replicas: 2, port: 80 }))]);
    const scope = resource.startsWith('cluster') ? [] : ['-n', NS];
    const table = parseTable(await kubectl.ok(['get', resource, ...scope, '-o', 'wide', '--field-selector', `metadata.name=${cells.NAME}`]));
    expect(table.headers).toEqual(columns.split(' ').map((h) => h.replace(/_/g, ' ')));
    expect(table.rows).toEqual([expect.objectContaining(cells)]);
  });

  it('turns a secret’s stringData into base64 data, as the API server does', async () => {
    await kubectl.ok(['apply', '-f', '-'], { input: stringify({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 'plain', namespace: 'default' }, stringData: { token: 's3cret' } }) });
    const secret = await kubectl.json(['get', 'secret', 'plain', '-n', 'default']);
    expect(secret.data).toEqual({ token: Buffer.from('s3cret').toString('base64') });
    expect(secret.stringData).toBeUndefined();
  });
});
