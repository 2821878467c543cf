// kubectl 1.32's own `rollout history` and `rollout undo` on StatefulSets and DaemonSets against
// the simulator: the ControllerRevisions it keeps must be the ones a real API server would.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { type SimFleet, startSimFleet } from '../../src/sim/fleet.js';
import { type Kubectl, type KubeJson, kubectlFor } from '../support/kubectl.js';

let fleet: SimFleet;
let dir: string;
let kubectl: Kubectl;

beforeAll(async () => {
  fleet = await startSimFleet({ clusters: 1, seed: 'demo', speed: 20 });
  dir = await mkdtemp(join(tmpdir(), 'fleetgraph-undo-'));
  await fleet.writeKubeconfig(join(dir, 'kubeconfig'));
  kubectl = kubectlFor({ kubeconfig: join(dir, 'kubeconfig'), context: 'prod-eu', cacheDir: join(dir, 'cache') });
});
afterAll(async () => {
  await kubectl?.stopAll();
  await fleet?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** A StatefulSet or DaemonSet of one container `app`, in a namespace of its own. */
function manifests(kind: 'StatefulSet' | 'DaemonSet', namespace: string): KubeJson[] {
  const labels = { app: 'web' };
  const template = { metadata: { labels }, spec: { containers: [{ name: 'app', image: 'acme/web:1' }] } };
  const spec = kind === 'StatefulSet' ? { replicas: 2, serviceName: 'web', selector: { matchLabels: labels }, template } : { selector: { matchLabels: labels }, template };
  return [
    { apiVersion: 'v1', kind: 'Namespace', metadata: { name: namespace } },
    { apiVersion: 'apps/v1', kind, metadata: { name: 'web', namespace, labels }, spec },
  ];
}

describe.each([
  ['StatefulSet', 'sts'],
  ['DaemonSet', 'ds'],
] as const)('%s', (kind, short) => {
  const namespace = `kc-undo-${short}`;
  const target = `${short}/web`;
  const run = (...args: string[]) => kubectl.ok([...args, '-n', namespace]);
  const image = async () => (await kubectl.json(['get', target, '-n', namespace])).spec.template.spec.containers[0].image as string;
  const podImages = async () => new Set((await kubectl.json(['get', 'pods', '-n', namespace, '-l', 'app=web'])).items.map((p: KubeJson) => p.spec.containers[0].image));
  const history = async () => [...(await run('rollout', 'history', target)).matchAll(/^(\d+)\s/gm)].map((m) => Number(m[1]));
  const rolledOut = () => run('rollout', 'status', target, '--timeout=20s');

  beforeAll(async () => {
    await kubectl.ok(['create', '-f', '-'], { input: manifests(kind, namespace).map((m) => stringify(m)).join('---\n') });
    await rolledOut();
    for (const tag of ['2', '3']) {
      await run('set', 'image', target, `app=acme/web:${tag}`);
      await rolledOut();
    }
  });

  it('lists one revision per template, numbered as changed', async () => {
    expect(await history()).toEqual([1, 2, 3]);
    const revisions = (await kubectl.json(['get', 'controllerrevisions', '-n', namespace])).items as KubeJson[];
    expect(revisions.map((r) => [r.revision, r.data.spec.template.spec.containers[0].image]).sort()).toEqual([
      [1, 'acme/web:1'],
      [2, 'acme/web:2'],
      [3, 'acme/web:3'],
    ]);
    for (const r of revisions) expect(r.metadata.ownerReferences).toEqual([expect.objectContaining({ kind, name: 'web', controller: true })]);
  });

  it('undoes to the previous revision, which becomes the newest', async () => {
    expect(await run('rollout', 'undo', target)).toContain('rolled back');
    await rolledOut();
    expect(await image()).toBe('acme/web:2');
    expect(await podImages()).toEqual(new Set(['acme/web:2']));
    expect(await history()).toEqual([1, 3, 4]);
  });

  it('undoes to an explicit revision, and shows it in the history', async () => {
    await run('rollout', 'undo', target, '--to-revision=1');
    await rolledOut();
    expect(await image()).toBe('acme/web:1');
    expect(await podImages()).toEqual(new Set(['acme/web:1']));
    expect(await history()).toEqual([3, 4, 5]);
    expect(await run('rollout', 'history', target, '--revision=5')).toMatch(/Image:\s+acme\/web:1/);
  });

  it('skips an undo to the template it runs, and refuses a revision it does not have', async () => {
    expect(await run('rollout', 'undo', target, '--to-revision=5')).toContain('skipped rollback');
    const missing = await kubectl.run(['rollout', 'undo', target, '-n', namespace, '--to-revision=9']);
    expect(missing.code).not.toBe(0);
    expect(missing.stderr).toContain('unable to find specified revision 9');
    expect(await history()).toEqual([3, 4, 5]);
  });
});
