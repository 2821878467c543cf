// deploy/kubernetes as an operator uses it: the ClusterRole grants exactly what the gateway's
// calls need (src/kube/rbac.ts), and `kubectl apply -f deploy/kubernetes/` takes every file.
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { WATCHED_KINDS } from '../../src/events/index.js';
import { kubeRequestOf, rbacRules } from '../../src/kube/index.js';
import { type SimFleet, startSimFleet } from '../../src/sim/fleet.js';
import { type Kubectl, kubectlFor } from '../support/kubectl.js';

const ROOT = new URL('../../', import.meta.url).pathname;
const DIR = join(ROOT, 'deploy/kubernetes');

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Doc = Record<string, any>;

async function documents(): Promise<Doc[]> {
  const files = (await readdir(DIR)).filter((f) => f.endsWith('.yaml')).sort();
  const texts = await Promise.all(files.map((f) => readFile(join(DIR, f), 'utf8')));
  return texts.flatMap((text) => parseAllDocuments(text).map((d) => d.toJSON() as Doc));
}

/** `group/resource verb` for every grant of a rule list. */
function grants(rules: { apiGroups: string[]; resources: string[]; verbs: string[] }[]): string[] {
  return rules.flatMap((r) => r.apiGroups.flatMap((g) => r.resources.flatMap((res) => r.verbs.map((v) => `${g}/${res} ${v}`)))).sort();
}

describe('the ClusterRole', () => {
  it('grants exactly the verbs and resources the gateway calls', async () => {
    const role = (await documents()).find((d) => d.kind === 'ClusterRole')!;
    const needed = rbacRules({ watched: WATCHED_KINDS }).map((r) => ({ apiGroups: [r.apiGroup], resources: [r.resource], verbs: [...r.verbs] }));
    expect(grants(role.rules)).toEqual(grants(needed));
    expect(grants(role.rules).filter((g) => g.startsWith('/secrets'))).toEqual(['/secrets create', '/secrets delete']);
  });

  it.each([
    ['GET', '/api/v1/pods?limit=500', 'list pods'],
    ['GET', '/apis/apps/v1/deployments?watch=true', 'watch deployments'],
    ['GET', '/api/v1/namespaces/acme/pods/api-1', 'get pods'],
    ['GET', '/api/v1/namespaces/acme', 'get namespaces'],
    ['POST', '/api/v1/namespaces/acme/pods/api-1/eviction', 'create pods/eviction'],
    ['PATCH', '/api/v1/nodes/n1', 'patch nodes'],
    ['PUT', '/apis/apps/v1/namespaces/acme/statefulsets/db', 'update statefulsets'],
  ])('names %s %s as RBAC does (%s), for the metrics and this check alike', (method, path, expected) => {
    const { verb, resource } = kubeRequestOf(method, `https://cluster${path}`);
    expect(`${verb} ${resource}`).toBe(expected);
  });
});

describe('the manifests', () => {
  it('give the Deployment probes on /readyz and /healthz, resources and a non-root, read-only security context', async () => {
    const docs = await documents();
    const deployment = docs.find((d) => d.kind === 'Deployment')!;
    const pod = deployment.spec.template.spec;
    const [container] = pod.containers;
    expect([container.readinessProbe.httpGet.path, container.startupProbe.httpGet.path, container.livenessProbe.httpGet.path]).toEqual(['/readyz', '/readyz', '/healthz']);
    expect(container.resources.requests).toEqual({ cpu: expect.any(String), memory: expect.any(String) });
    expect([pod.securityContext.runAsNonRoot, container.securityContext.readOnlyRootFilesystem, container.securityContext.capabilities.drop]).toEqual([true, true, ['ALL']]);
    expect(pod.serviceAccountName).toBe(docs.find((d) => d.kind === 'ServiceAccount')!.metadata.name);
    const config = docs.find((d) => d.kind === 'ConfigMap')!;
    expect([config.data.HOST, Number(config.data.PORT)]).toEqual(['0.0.0.0', container.ports[0].containerPort]);
  });

  describe('kubectl apply -f deploy/kubernetes/', () => {
    let fleet: SimFleet;
    let dir: string;
    let kubectl: Kubectl;
    beforeAll(async () => {
      fleet = await startSimFleet({ clusters: ['prod-eu'], seed: 'empty' });
      dir = await mkdtemp(join(tmpdir(), 'fleetgraph-deploy-'));
      await fleet.writeKubeconfig(join(dir, 'kubeconfig'));
      kubectl = kubectlFor({ kubeconfig: join(dir, 'kubeconfig'), context: 'prod-eu', cacheDir: join(dir, 'cache') });
    });
    afterAll(async () => {
      await fleet?.stop();
      if (dir) await rm(dir, { recursive: true, force: true });
    });

    it('creates every object, then finds them unchanged on a second apply', async () => {
      const first = await kubectl.ok(['apply', '-f', DIR]);
      const objects = (await documents()).map((d) => `${d.kind.toLowerCase()}/${d.metadata.name}`);
      // kubectl prints `clusterrole.rbac.authorization.k8s.io/fleetgraph created`: the group goes.
      const created = first.trim().split('\n').map((line) => line.replace(/^([a-z]+)\.[^/]+\//, '$1/'));
      expect(created).toEqual(objects.map((object) => `${object} created`));
      const second = await kubectl.ok(['apply', '-f', DIR]);
      // As against a real API server, a Secret given as stringData is always "configured" again
      // (stringData is write-only, so kubectl's patch always carries it); everything else is unchanged.
      const changed = second.trim().split('\n').filter((line) => !line.endsWith(' unchanged'));
      expect(changed).toEqual(['secret/fleetgraph-access configured', 'secret/fleetgraph-kubeconfig configured']);
      const role = await kubectl.json(['get', 'clusterrole', 'fleetgraph']);
      expect(grants(role.rules)).toEqual(grants(rbacRules({ watched: WATCHED_KINDS }).map((r) => ({ apiGroups: [r.apiGroup], resources: [r.resource], verbs: [...r.verbs] }))));
      const deployment = await kubectl.json(['get', 'deployment', 'fleetgraph', '-n', 'fleetgraph']);
      expect(deployment.spec.template.spec.serviceAccountName).toBe('fleetgraph');
    });
  });
});
