// rollbackWorkload for StatefulSets and DaemonSets, through their ControllerRevisions as
// `kubectl rollout undo` does, and Workload.revision for them: each checked against what
// kubectl reads from the cluster afterwards.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestGateway, type TestGateway } from '../support/gateway.js';
import { type Kubectl, kubectlFor } from '../support/kubectl.js';
import { eventually } from '../support/wait.js';

const ROLLBACK = 'mutation($i: RollbackWorkloadInput!) { rollbackWorkload(input: $i) { id targets { fromImage toImage } } }';
const OPERATION = 'query($id: ID!) { operation(id: $id) { status message targets { status message } } }';
const WORKLOAD = 'query($r: WorkloadRef!) { workload(ref: $r) { revision status containers { image } } }';

interface Case {
  kind: 'STATEFULSET' | 'DAEMONSET';
  short: 'sts' | 'ds';
  namespace: string;
  name: string;
  container: string;
  image: string;
  /** an upgrade of the original image that never pulls */
  broken: string;
}

let gw: TestGateway;
let dir: string;
let kubectl: Kubectl;

beforeAll(async () => {
  gw = await startTestGateway({ clusters: 1, seed: 'demo', speed: 20 });
  dir = await mkdtemp(join(tmpdir(), 'fleetgraph-rollback-'));
  await gw.fleet.writeKubeconfig(join(dir, 'kubeconfig'));
  kubectl = kubectlFor({ kubeconfig: join(dir, 'kubeconfig'), context: 'prod-eu', cacheDir: join(dir, 'cache') });
});
afterAll(async () => {
  await gw?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe.each<Case>([
  { kind: 'STATEFULSET', short: 'sts', namespace: 'acme-production', name: 'postgres', container: 'postgres', image: 'postgres', broken: 'postgres:99.0.0-broken' },
  { kind: 'DAEMONSET', short: 'ds', namespace: 'monitoring', name: 'node-exporter', container: 'node-exporter', image: 'quay.io/prometheus/node-exporter', broken: 'quay.io/prometheus/node-exporter:v9.0.0-broken' },
])('rollbackWorkload of a $kind', ({ kind, short, namespace, name, container, image, broken }) => {
  const ref = { cluster: 'prod-eu', namespace, kind, name };
  const target = `${short}/${name}`;
  const imageNow = async () => (await kubectl.json(['get', target, '-n', namespace])).spec.template.spec.containers[0].image as string;
  /** kubectl's revision numbers, oldest first: the last is the one the workload runs */
  const history = async () => [...(await kubectl.ok(['rollout', 'history', target, '-n', namespace])).matchAll(/^(\d+)\s/gm)].map((m) => Number(m[1]));

  async function settled(): Promise<{ revision: number | null; status: string; containers: { image: string }[] }> {
    await kubectl.ok(['rollout', 'status', target, '-n', namespace, '--timeout=20s']);
    const { data, errors } = await gw.query<{ workload: { revision: number | null; status: string; containers: { image: string }[] } }>(WORKLOAD, { r: ref });
    expect(errors).toBeUndefined();
    return data!.workload;
  }

  async function rollBack(revision?: number): Promise<{ fromImage: string; toImage: string }> {
    const { data, errors } = await gw.query<{ rollbackWorkload: { id: string; targets: { fromImage: string; toImage: string }[] } }>(ROLLBACK, { i: { workload: ref, revision } });
    expect(errors).toBeUndefined();
    const op = await eventually(
      async () => (await gw.query<{ operation: { status: string; message: string | null } }>(OPERATION, { id: data!.rollbackWorkload.id })).data!.operation,
      (o) => !['PENDING', 'RUNNING'].includes(o.status),
      20_000,
    );
    expect(op).toMatchObject({ status: 'SUCCEEDED' });
    return data!.rollbackWorkload.targets[0]!;
  }

  it('reads the revision kubectl reads, through two image changes', async () => {
    expect((await settled()).revision).toBe((await history()).at(-1));
    for (const tag of ['v2', 'v3']) {
      await kubectl.ok(['set', 'image', target, '-n', namespace, `${container}=${image}:${tag}`]);
      const workload = await settled();
      expect(workload.containers[0]!.image).toBe(`${image}:${tag}`);
      expect(workload.revision).toBe((await history()).at(-1));
    }
    expect(await history()).toEqual([1, 2, 3]);
  });

  it('goes back to the previous revision, as kubectl rollout undo does', async () => {
    expect(await rollBack()).toEqual({ fromImage: `${image}:v3`, toImage: `${image}:v2` });
    expect(await imageNow()).toBe(`${image}:v2`);
    // Revision 2 became the newest, 4, as a real cluster renumbers it.
    expect(await history()).toEqual([1, 3, 4]);
    const workload = await settled();
    expect(workload).toMatchObject({ revision: 4, status: 'AVAILABLE' });
  });

  it('goes back to an explicit revision', async () => {
    const first = (await kubectl.json(['get', 'controllerrevisions', '-n', namespace])).items.find(
      (r: { revision: number; metadata: { ownerReferences?: { name: string }[] } }) => r.revision === 1 && r.metadata.ownerReferences?.[0]?.name === name,
    );
    const original = first.data.spec.template.spec.containers[0].image as string;
    expect(await rollBack(1)).toEqual({ fromImage: `${image}:v2`, toImage: original });
    expect(await imageNow()).toBe(original);
    expect(await history()).toEqual([3, 4, 5]);
    expect((await settled()).revision).toBe(5);
  });

  it('returns a failed rollout to the revision it had, when rollbackOnFailure asks', async () => {
    const before = await imageNow();
    const { data, errors } = await gw.query<{ rolloutImage: { id: string; targets: { name: string }[] } }>(
      'mutation($i: RolloutImageInput!) { rolloutImage(input: $i) { id targets { name } } }',
      { i: { image: broken, namespaces: [namespace], strategy: { timeoutSeconds: 2, rollbackOnFailure: true } } },
    );
    expect(errors).toBeUndefined();
    expect(data!.rolloutImage.targets.map((t) => t.name)).toEqual([name]);
    const op = await eventually(
      async () => (await gw.query<{ operation: { status: string; targets: { status: string; message: string | null }[] } }>(OPERATION, { id: data!.rolloutImage.id })).data!.operation,
      (o) => !['PENDING', 'RUNNING'].includes(o.status),
      20_000,
    );
    expect(op.targets[0]).toMatchObject({ status: 'FAILED', message: expect.stringMatching(/^rolled back to revision 5: /) });
    expect(await imageNow()).toBe(before);
    // The broken template became revision 6; going back to 5 renumbered it 7.
    expect(await history()).toEqual([3, 4, 6, 7]);
  });

  it.each([
    ['a revision it does not have', { revision: 99 }, 'NOT_FOUND', 'has no revision 99'],
    ['a revision below 1', { revision: 0 }, 'BAD_USER_INPUT', 'input.revision: must be a whole number of at least 1'],
  ])('refuses %s, changing nothing', async (_title, input, code, message) => {
    const before = await imageNow();
    const { data, errors } = await gw.query(ROLLBACK, { i: { workload: ref, ...input } });
    expect(data).toBeNull();
    expect(errors).toEqual([expect.objectContaining({ message: expect.stringContaining(message), extensions: expect.objectContaining({ code }) })]);
    expect(await imageNow()).toBe(before);
  });
});
