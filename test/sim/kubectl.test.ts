// kubectl 1.32 against the simulator, unchanged: the commands an operator runs, and the
// states a real cluster would reach, read back through `kubectl get -o json` or the store.
// One simulator serves the file; every test works in its own namespace, so order is free.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { type SimFleet, startSimFleet } from '../../src/sim/fleet.js';
import type { KubeObject } from '../../src/sim/objects.js';
import { resourceByKind } from '../../src/sim/resources.js';
import { type Kubectl, type KubeJson, jsonStream, kubectlFor, parseTable, waitFor } from '../support/kubectl.js';

const CLUSTER = 'prod-eu';
/** simulated time runs this many times faster than the wall clock */
const SPEED = 20;

let fleet: SimFleet;
let dir: string;
let kubectl: Kubectl;

beforeAll(async () => {
  fleet = await startSimFleet({ clusters: 1, seed: 'demo', speed: SPEED });
  dir = await mkdtemp(join(tmpdir(), 'fleetgraph-kubectl-'));
  await fleet.writeKubeconfig(join(dir, 'kubeconfig'));
  kubectl = kubectlFor({ kubeconfig: join(dir, 'kubeconfig'), context: CLUSTER, cacheDir: join(dir, 'cache') });
});

afterAll(async () => {
  await kubectl?.stopAll();
  await fleet?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

const cluster = () => fleet.cluster(CLUSTER);
const stored = (kind: string, namespace?: string): KubeObject[] => cluster().store.list(resourceByKind(kind), { namespace });
const keyOf = (o: { metadata: { namespace?: string; name: string } }) => (o.metadata.namespace ? `${o.metadata.namespace}/${o.metadata.name}` : o.metadata.name);
const ownerKind = (o: KubeJson) => o.metadata.ownerReferences?.find((r: KubeJson) => r.controller)?.kind;
const condition = (o: KubeJson, type: string) => o.status?.conditions?.find((c: KubeJson) => c.type === type);

/**
 * A namespace with one deployment of `replicas` pods (container `app`), created through
 * `kubectl create -f -` (validated by the server, as kubectl learns from the OpenAPI
 * documents), once all its pods are ready.
 */
async function deployment(namespace: string, name: string, replicas: number, image = 'acme/api:1.0.0'): Promise<KubeJson> {
  const labels = { app: name };
  const manifests = [
    { apiVersion: 'v1', kind: 'Namespace', metadata: { name: namespace } },
    {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name, namespace, labels },
      spec: { replicas, selector: { matchLabels: labels }, template: { metadata: { labels }, spec: { containers: [{ name: 'app', image }] } } },
    },
  ];
  await kubectl.ok(['create', '-f', '-'], { input: manifests.map((m) => stringify(m)).join('---\n') });
  return rolledOut(namespace, name, replicas);
}

/** the deployment once its controller has seen the latest spec and `replicas` updated pods are all ready */
function rolledOut(namespace: string, name: string, replicas: number): Promise<KubeJson> {
  return waitFor(
    async () => {
      const d = await kubectl.json(['get', 'deployment', name, '-n', namespace]);
      const s = d.status ?? {};
      const done = s.observedGeneration >= d.metadata.generation && s.replicas === replicas && s.updatedReplicas === replicas && s.readyReplicas === replicas && s.availableReplicas === replicas;
      return done && d;
    },
    { what: `deployment ${namespace}/${name} to run ${replicas} ready pods` },
  );
}

async function podsOf(namespace: string, app: string): Promise<KubeJson[]> {
  return (await kubectl.json(['get', 'pods', '-n', namespace, '-l', `app=${app}`])).items;
}

const names = (items: KubeJson[]) => items.map((o) => o.metadata.name).sort();

/** a worker node (not the tainted control-plane node) */
const workerNode = () => stored('Node').find((n) => !n.spec?.taints?.length)!.metadata.name;

describe('kubectl get -o json', () => {
  it('lists deployments across namespaces (-A) as the cluster holds them', async () => {
    const list = await kubectl.json(['get', 'deployments', '-A']);
    expect(list.kind).toBe('List');
    expect(list.items.map(keyOf).sort()).toEqual(stored('Deployment').map(keyOf).sort());
    expect(list.items.map(keyOf)).toEqual(expect.arrayContaining(['acme-production/api', 'globex-production/shop', 'kube-system/coredns', 'monitoring/grafana']));
    expect(list.items.every((d: KubeJson) => d.kind === 'Deployment' && d.apiVersion === 'apps/v1')).toBe(true);
  });

  it('gets nodes, every one Ready with its kubelet version', async () => {
    const list = await kubectl.json(['get', 'nodes']);
    expect(names(list.items)).toEqual(stored('Node').map((n) => n.metadata.name).sort());
    for (const node of list.items) {
      expect(condition(node, 'Ready')).toMatchObject({ status: 'True' });
      expect(node.status.nodeInfo.kubeletVersion).toBe('v1.32.4');
    }
  });

  it('gets a namespace’s pods, each bound to a node with an IP', async () => {
    await deployment('kc-get', 'api', 2);
    const pods = await podsOf('kc-get', 'api');
    expect(names(pods)).toEqual(stored('Pod', 'kc-get').map((p) => p.metadata.name).sort());
    for (const pod of pods) expect(pod).toMatchObject({ spec: { nodeName: expect.any(String) }, status: { phase: 'Running', podIP: expect.any(String) } });
  });

  describe.each([
    ['no', 'Node'],
    ['ns', 'Namespace'],
    ['po', 'Pod'],
    ['deploy', 'Deployment'],
    ['rs', 'ReplicaSet'],
    ['sts', 'StatefulSet'],
    ['ds', 'DaemonSet'],
  ])('short name %s', (short, kind) => {
    it(`resolves to ${kind}`, async () => {
      const list = await kubectl.json(['get', short, '-A']);
      expect(list.items.length).toBeGreaterThan(0);
      expect(new Set(list.items.map((o: KubeJson) => o.kind))).toEqual(new Set([kind]));
      expect(list.items.map(keyOf).sort()).toEqual(stored(kind).map(keyOf).sort());
    });
  });
});

describe('kubectl get: server-side printing', () => {
  describe.each([
    ['nodes', [], 'NAME STATUS ROLES AGE VERSION', 'INTERNAL-IP EXTERNAL-IP OS-IMAGE KERNEL-VERSION CONTAINER-RUNTIME'],
    ['pods', ['-n', 'acme-production'], 'NAME READY STATUS RESTARTS AGE', 'IP NODE NOMINATED_NODE READINESS_GATES'],
    ['deployments', ['-n', 'acme-production'], 'NAME READY UP-TO-DATE AVAILABLE AGE', 'CONTAINERS IMAGES SELECTOR'],
    ['replicasets', ['-n', 'acme-production'], 'NAME DESIRED CURRENT READY AGE', 'CONTAINERS IMAGES SELECTOR'],
    ['statefulsets', ['-n', 'acme-production'], 'NAME READY AGE', 'CONTAINERS IMAGES'],
    ['daemonsets', ['-n', 'monitoring'], 'NAME DESIRED CURRENT READY UP-TO-DATE AVAILABLE NODE_SELECTOR AGE', 'CONTAINERS IMAGES SELECTOR'],
    ['namespaces', [], 'NAME STATUS AGE', ''],
    ['secrets', ['-n', 'acme-production'], 'NAME TYPE DATA AGE', ''],
    ['controllerrevisions', ['-n', 'monitoring'], 'NAME CONTROLLER REVISION AGE', ''],
  ])('%s', (resource, args, columns, wide) => {
    // Multi-word headers are written with `_` here to keep the lists readable.
    const headers = (text: string) => text.split(' ').filter(Boolean).map((h) => h.replace(/_/g, ' '));

    it('prints the API server’s columns', async () => {
      expect(parseTable(await kubectl.ok(['get', resource, ...args])).headers).toEqual(headers(columns));
    });

    it('adds the priority-1 columns with -o wide', async () => {
      expect(parseTable(await kubectl.ok(['get', resource, ...args, '-o', 'wide'])).headers).toEqual(headers(`${columns} ${wide}`));
    });
  });

  it('orders the wide event columns as the API server does', async () => {
    const { headers } = parseTable(await kubectl.ok(['get', 'events', '-n', 'acme-production', '-o', 'wide']));
    expect(headers).toEqual(['LAST SEEN', 'TYPE', 'REASON', 'OBJECT', 'SUBOBJECT', 'SOURCE', 'MESSAGE', 'FIRST SEEN', 'COUNT', 'NAME']);
  });

  it('fills node cells from the node', async () => {
    const [table, list] = await Promise.all([kubectl.ok(['get', 'nodes', '-o', 'wide']), kubectl.json(['get', 'nodes'])]);
    const rows = new Map(parseTable(table).rows.map((r) => [r.NAME, r]));
    for (const node of list.items) {
      const controlPlane = 'node-role.kubernetes.io/control-plane' in node.metadata.labels;
      expect(rows.get(node.metadata.name)).toMatchObject({
        STATUS: node.spec.unschedulable ? 'Ready,SchedulingDisabled' : 'Ready',
        ROLES: controlPlane ? 'control-plane' : 'worker',
        VERSION: node.status.nodeInfo.kubeletVersion,
        'INTERNAL-IP': node.status.addresses.find((a: KubeJson) => a.type === 'InternalIP').address,
        'EXTERNAL-IP': '<none>',
        'OS-IMAGE': node.status.nodeInfo.osImage,
        'CONTAINER-RUNTIME': node.status.nodeInfo.containerRuntimeVersion,
      });
    }
  });

  it('fills pod and deployment cells from their status', async () => {
    await deployment('kc-print', 'web', 2, 'acme/web:2.3.0');
    const pods = await podsOf('kc-print', 'web');
    const rows = parseTable(await kubectl.ok(['get', 'pods', '-n', 'kc-print', '-o', 'wide'])).rows;
    expect(rows.map((r) => r.NAME).sort()).toEqual(names(pods));
    for (const pod of pods) {
      const row = rows.find((r) => r.NAME === pod.metadata.name);
      expect(row).toMatchObject({ READY: '1/1', STATUS: 'Running', RESTARTS: '0', IP: pod.status.podIP, NODE: pod.spec.nodeName, 'NOMINATED NODE': '<none>', 'READINESS GATES': '<none>' });
    }
    const [deploy] = parseTable(await kubectl.ok(['get', 'deploy', 'web', '-n', 'kc-print', '-o', 'wide'])).rows;
    expect(deploy).toMatchObject({ NAME: 'web', READY: '2/2', 'UP-TO-DATE': '2', AVAILABLE: '2', CONTAINERS: 'app', IMAGES: 'acme/web:2.3.0', SELECTOR: 'app=web' });
  });

  it('measures AGE on the simulator’s clock', async () => {
    const node = await kubectl.json(['get', 'node', workerNode()]);
    const created = Date.parse(node.metadata.creationTimestamp);
    const before = fleet.clock.now() - created;
    const [row] = parseTable(await kubectl.ok(['get', 'node', workerNode()])).rows;
    const after = fleet.clock.now() - created;
    const { seconds, unit } = ageOf(row!.AGE!);
    // AGE is truncated to its smallest unit; at speed 20 the wall clock would read 20× less.
    expect(seconds).toBeGreaterThanOrEqual(Math.floor(before / 1000) - unit);
    expect(seconds).toBeLessThanOrEqual(Math.ceil(after / 1000));
  });

  it('sorts on a spec field of the full objects --sort-by asks for (includeObject=Object)', async () => {
    const { rows } = parseTable(await kubectl.ok(['get', 'pods', '-A', '-o', 'wide', '--sort-by=.spec.nodeName']));
    const nodes = rows.map((r) => r.NODE);
    expect(nodes).toEqual([...nodes].sort());
    expect(rows.map((r) => `${r.NAMESPACE}/${r.NAME}`).sort()).toEqual(stored('Pod').map(keyOf).sort());
  });
});

/** `2m30s` → 150 s, and the size of its smallest unit (truncation makes AGE up to that much short) */
function ageOf(age: string): { seconds: number; unit: number } {
  const units: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86_400, y: 365 * 86_400 };
  const parts = [...age.matchAll(/(\d+)([smhdy])/g)];
  if (parts.length === 0) throw new Error(`not an age: ${age}`);
  return { seconds: parts.reduce((sum, [, n, u]) => sum + Number(n) * units[u!]!, 0), unit: units[parts[parts.length - 1]![2]!]! };
}

describe('kubectl get --watch', () => {
  it('streams a deployment’s change as JSON', async () => {
    await deployment('kc-watch', 'api', 1);
    const watch = kubectl.start(['get', 'deployment', 'api', '-n', 'kc-watch', '--watch', '-o', 'json']);
    try {
      await waitFor(() => jsonStream(watch.output()).length > 0, { what: 'the watch to print the deployment' });
      await kubectl.ok(['scale', 'deployment/api', '-n', 'kc-watch', '--replicas=3']);
      const seen = await waitFor(() => jsonStream(watch.output()).find((d) => d.status?.readyReplicas === 3), { what: 'the scaled deployment on the watch' });
      expect(seen).toMatchObject({ kind: 'Deployment', metadata: { name: 'api' }, spec: { replicas: 3 } });
    } finally {
      await watch.stop();
    }
  });

  it('prints new pods as table rows', async () => {
    await deployment('kc-watch-table', 'api', 1);
    const watch = kubectl.start(['get', 'pods', '-n', 'kc-watch-table', '--watch']);
    try {
      await waitFor(() => watch.output().includes('Running'), { what: 'the first pod on the watch' });
      await kubectl.ok(['scale', 'deployment/api', '-n', 'kc-watch-table', '--replicas=2']);
      await rolledOut('kc-watch-table', 'api', 2);
      const podNames = names(await podsOf('kc-watch-table', 'api'));
      const running = (name: string) => watch.output().split('\n').some((l) => l.startsWith(`${name} `) && /\s1\/1\s+Running\s/.test(l));
      await waitFor(() => podNames.every(running), { what: `rows for ${podNames.join(', ')} as 1/1 Running` });
    } finally {
      await watch.stop();
    }
  });
});

describe('kubectl apply', () => {
  it('creates, then patches to the changed manifest, rolling the deployment', async () => {
    // Separate documents, not a List: kubectl validates a List against the OpenAPI v2
    // document, which the simulator does not serve (it is protobuf only).
    const manifest = (replicas: number, image: string) =>
      [
        { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'kc-apply' } },
        {
          apiVersion: 'apps/v1',
          kind: 'Deployment',
          metadata: { name: 'web', namespace: 'kc-apply' },
          spec: { replicas, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'app', image }] } } },
        },
      ]
        .map((doc) => stringify(doc))
        .join('---\n');
    await kubectl.ok(['apply', '-f', '-'], { input: manifest(2, 'acme/web:1.0.0') });
    await rolledOut('kc-apply', 'web', 2);
    const out = await kubectl.ok(['apply', '-f', '-'], { input: manifest(3, 'acme/web:1.1.0') });
    expect(out).toContain('deployment.apps/web configured');
    const d = await rolledOut('kc-apply', 'web', 3);
    expect(d.spec.template.spec.containers[0].image).toBe('acme/web:1.1.0');
    expect(d.metadata.annotations['kubectl.kubernetes.io/last-applied-configuration']).toContain('acme/web:1.1.0');
  });
});

describe('kubectl scale', () => {
  it('brings a deployment to the replicas asked for, up and down', async () => {
    await deployment('kc-scale', 'api', 2);
    await kubectl.ok(['scale', 'deploy/api', '-n', 'kc-scale', '--replicas=5']);
    await rolledOut('kc-scale', 'api', 5);
    expect(stored('Pod', 'kc-scale')).toHaveLength(5);
    await kubectl.ok(['scale', 'deploy/api', '-n', 'kc-scale', '--replicas=1']);
    await rolledOut('kc-scale', 'api', 1);
    expect(stored('Pod', 'kc-scale')).toHaveLength(1);
  });
});

describe('kubectl rollout', () => {
  it('restart replaces every pod through a new ReplicaSet, and status waits for it', async () => {
    await deployment('kc-restart', 'api', 3);
    const podsBefore = names(await podsOf('kc-restart', 'api'));
    const rsBefore = names((await kubectl.json(['get', 'rs', '-n', 'kc-restart'])).items);
    await kubectl.ok(['rollout', 'restart', 'deploy/api', '-n', 'kc-restart']);
    const status = await kubectl.run(['rollout', 'status', 'deploy/api', '-n', 'kc-restart', '--timeout=15s']);
    expect(status).toMatchObject({ code: 0, stdout: expect.stringContaining('deployment "api" successfully rolled out') });
    const podsAfter = names(await podsOf('kc-restart', 'api'));
    expect(podsAfter).toHaveLength(3);
    expect(podsAfter.filter((p) => podsBefore.includes(p))).toEqual([]);
    const rsAfter = (await kubectl.json(['get', 'rs', '-n', 'kc-restart'])).items;
    const fresh = rsAfter.filter((rs: KubeJson) => !rsBefore.includes(rs.metadata.name));
    expect(fresh).toHaveLength(1);
    expect(fresh[0].spec.template.metadata.annotations).toHaveProperty(['kubectl.kubernetes.io/restartedAt']);
    expect(rsAfter.find((rs: KubeJson) => rs.metadata.name === rsBefore[0]).spec.replicas).toBe(0);
  });

  it('undo after set image brings the previous image back', async () => {
    await deployment('kc-undo', 'api', 2, 'acme/api:1.0.0');
    const image = async () => (await kubectl.json(['get', 'deploy', 'api', '-n', 'kc-undo'])).spec.template.spec.containers[0].image;
    const podImages = async () => [...new Set((await podsOf('kc-undo', 'api')).map((p) => p.spec.containers[0].image))];

    await kubectl.ok(['set', 'image', 'deploy/api', '-n', 'kc-undo', 'app=acme/api:2.0.0']);
    await kubectl.ok(['rollout', 'status', 'deploy/api', '-n', 'kc-undo', '--timeout=15s']);
    expect(await image()).toBe('acme/api:2.0.0');
    expect(await podImages()).toEqual(['acme/api:2.0.0']);

    await kubectl.ok(['rollout', 'undo', 'deploy/api', '-n', 'kc-undo']);
    await kubectl.ok(['rollout', 'status', 'deploy/api', '-n', 'kc-undo', '--timeout=15s']);
    expect(await image()).toBe('acme/api:1.0.0');
    expect(await podImages()).toEqual(['acme/api:1.0.0']);
    const d = await rolledOut('kc-undo', 'api', 2);
    expect(d.metadata.annotations['deployment.kubernetes.io/revision']).toBe('3');
  });

  it('to an image that never pulls ends past the progress deadline', async () => {
    await deployment('kc-broken', 'api', 2);
    await kubectl.ok(['patch', 'deploy/api', '-n', 'kc-broken', '-p', '{"spec":{"progressDeadlineSeconds":30}}']);
    await kubectl.ok(['set', 'image', 'deploy/api', '-n', 'kc-broken', 'app=acme/api:9.9.9-broken']);
    const status = await kubectl.run(['rollout', 'status', 'deploy/api', '-n', 'kc-broken', '--timeout=15s']);
    expect(status.code).toBe(1);
    expect(status.stderr).toContain('error: deployment "api" exceeded its progress deadline');
    const d = await kubectl.json(['get', 'deploy', 'api', '-n', 'kc-broken']);
    expect(condition(d, 'Progressing')).toMatchObject({ status: 'False', reason: 'ProgressDeadlineExceeded' });
    // The old pods keep serving: with 2 replicas, maxUnavailable 25% rounds down to 0.
    expect(d.status).toMatchObject({ availableReplicas: 2, updatedReplicas: 1 });
    const rows = parseTable(await kubectl.ok(['get', 'pods', '-n', 'kc-broken'])).rows;
    expect(rows.map((r) => `${r.READY} ${r.STATUS}`).sort()).toEqual(['0/1 ImagePullBackOff', '1/1 Running', '1/1 Running']);
  });
});

describe('kubectl cordon', () => {
  it('marks the node unschedulable, printed Ready,SchedulingDisabled', async () => {
    const node = workerNode();
    try {
      await kubectl.ok(['cordon', node]);
      expect((await kubectl.json(['get', 'node', node])).spec.unschedulable).toBe(true);
      expect(parseTable(await kubectl.ok(['get', 'node', node])).rows[0]).toMatchObject({ NAME: node, STATUS: 'Ready,SchedulingDisabled' });
    } finally {
      await kubectl.ok(['uncordon', node]);
    }
    expect((await kubectl.json(['get', 'node', node])).spec.unschedulable).toBeFalsy();
    expect(parseTable(await kubectl.ok(['get', 'node', node])).rows[0]).toMatchObject({ STATUS: 'Ready' });
  });
});

describe('kubectl drain', () => {
  it('evicts the node’s pods but its DaemonSet pods, and their replacements run elsewhere', async () => {
    await deployment('kc-drain', 'api', 6);
    const onNode = (node: string) => stored('Pod').filter((p) => p.spec?.nodeName === node);
    const mine = stored('Pod', 'kc-drain').map((p) => p.spec.nodeName as string);
    const node = [...new Set(mine)].sort((a, b) => mine.filter((n) => n === b).length - mine.filter((n) => n === a).length)[0]!;
    const daemons = onNode(node).filter((p) => ownerKind(p) === 'DaemonSet');
    const evictable = onNode(node).filter((p) => ownerKind(p) !== 'DaemonSet');
    const evictions = () => cluster().counters.snapshot()['create pods/eviction'] ?? 0;
    const evictedBefore = evictions();
    try {
      const drain = await kubectl.run(['drain', node, '--ignore-daemonsets', '--delete-emptydir-data', '--timeout=15s']);
      expect(drain.code).toBe(0);
      // kubectl's own lines, as against a real API server: cordon, one `evicting pod` and one
      // `pod/NAME evicted` per pod, drained last; DaemonSet pods named in a warning on stderr.
      const lines = drain.stdout.trim().split('\n');
      expect([lines[0], lines.at(-1)]).toEqual([`node/${node} cordoned`, `node/${node} drained`]);
      expect(lines.filter((l) => l.startsWith('evicting pod ')).sort()).toEqual(evictable.map((p) => `evicting pod ${keyOf(p)}`).sort());
      expect(lines.filter((l) => l.endsWith(' evicted')).sort()).toEqual(evictable.map((p) => `pod/${p.metadata.name} evicted`).sort());
      expect(lines).toHaveLength(2 + 2 * evictable.length);
      const warned = /^Warning: ignoring DaemonSet-managed Pods: (.*)$/m.exec(drain.stderr)?.[1]?.split(', ');
      expect(warned?.sort()).toEqual(daemons.map(keyOf).sort());
      expect(evictions() - evictedBefore).toBeGreaterThanOrEqual(evictable.length);
      expect(names(onNode(node))).toEqual(names(daemons));
      await rolledOut('kc-drain', 'api', 6);
      const pods = await podsOf('kc-drain', 'api');
      expect(pods.filter((p) => p.spec.nodeName === node)).toEqual([]);
      expect(pods.every((p) => p.status.phase === 'Running')).toBe(true);
    } finally {
      await kubectl.ok(['uncordon', node]);
    }
  });
});

describe('kubectl errors', () => {
  it.each([
    [['get', 'deploy', 'nope'], 'Error from server (NotFound): deployments.apps "nope" not found'],
    [['get', 'pod', 'nope', '-n', 'kube-system'], 'Error from server (NotFound): pods "nope" not found'],
    [['get', 'ns', 'nope'], 'Error from server (NotFound): namespaces "nope" not found'],
    // scale wraps the server's error in its own, so kubectl prints it as a plain error
    [['scale', 'deploy/nope', '--replicas=1'], 'error: no objects passed to scale deployments.apps "nope" not found'],
    [['get', 'deploy', '-n', 'default', '-l', 'a in ('], 'Error from server (BadRequest)'],
  ])('kubectl %j prints the Status error', async (args, message) => {
    const r = await kubectl.run(args);
    expect(r.code).toBe(1);
    expect(r.stderr.trim()).toContain(message);
  });

  it('reports an object that already exists as AlreadyExists', async () => {
    const r = await kubectl.run(['create', '--validate=false', '-f', '-'], { input: JSON.stringify({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'default' } }) });
    expect(r.code).toBe(1);
    expect(r.stderr.trim()).toBe('Error from server (AlreadyExists): error when creating "STDIN": namespaces "default" already exists');
  });
});
