// A cluster without an API server: a store, a manual clock and the controllers, with a few
// nodes and a namespace, plus builders for the workloads the tests create.
import { ManualClock } from '../../../src/sim/clock.js';
import { type ControllerOptions, applyDefaults, startControllers } from '../../../src/sim/controllers/index.js';
import { type KubeObject, objectKey } from '../../../src/sim/objects.js';
import { resourceByKind } from '../../../src/sim/resources.js';
import { ObjectStore, type StoreEvent } from '../../../src/sim/store.js';

export const NS = 'shop';

export interface Harness {
  store: ObjectStore;
  clock: ManualClock;
  /** errors the controllers reported; a test ends with none */
  errors: unknown[];
  create(obj: KubeObject): KubeObject;
  /** edits an object the way a client's update does (spec and metadata, not status) */
  edit(kind: string, name: string, change: (draft: KubeObject) => void): KubeObject;
  /** writes an object's status, as a kubelet or controller would */
  editStatus(kind: string, name: string, change: (draft: KubeObject) => void): KubeObject;
  get(kind: string, name: string): KubeObject | undefined;
  list(kind: string, filter?: (o: KubeObject) => boolean): KubeObject[];
  remove(kind: string, name: string): void;
  advance(ms: number): void;
  stop(): void;
}

export interface HarnessOptions extends ControllerOptions {
  /** worker nodes `node-a`, `node-b`, …; default 3 */
  nodes?: number;
}

export function startHarness({ nodes = 3, ...options }: HarnessOptions = {}): Harness {
  const clock = new ManualClock();
  const store = new ObjectStore({ clock });
  const errors: unknown[] = [];
  const stop = startControllers({ store, clock, onError: (e) => errors.push(e), ...options });
  for (const name of ['default', NS]) store.create(resourceByKind('Namespace'), { metadata: { name }, status: { phase: 'Active' } });
  for (let i = 0; i < nodes; i++) store.create(resourceByKind('Node'), node(nodeName(i)));
  const rt = (kind: string) => resourceByKind(kind);
  const namespaceOf = (kind: string) => (rt(kind).namespaced ? NS : undefined);
  return {
    store,
    clock,
    errors,
    create: (obj) => store.create(rt(obj.kind!), applyDefaults(obj.kind!, structuredClone({ ...obj, metadata: { namespace: NS, ...obj.metadata } }))),
    edit: (kind, name, change) => store.mutate(rt(kind), namespaceOf(kind), name, (draft) => {
      change(draft);
      applyDefaults(kind, draft);
    }),
    editStatus: (kind, name, change) => store.mutate(rt(kind), namespaceOf(kind), name, change, { subresource: 'status' }),
    get: (kind, name) => store.get(rt(kind), namespaceOf(kind), name),
    list: (kind, filter) => store.list(rt(kind), { filter }),
    remove: (kind, name) => {
      store.delete(rt(kind), namespaceOf(kind), name);
    },
    advance: (ms) => clock.advance(ms),
    stop,
  };
}

export function nodeName(i: number): string {
  return `node-${String.fromCharCode(97 + i)}`;
}

/** a node as registered, with only its identity: the node controller fills in the kubelet's report */
export function node(name: string, labels: Record<string, string> = {}): KubeObject {
  return { kind: 'Node', metadata: { name, labels: { 'kubernetes.io/hostname': name, ...labels } }, spec: {}, status: { allocatable: { pods: '110' } } };
}

export interface WorkloadOptions {
  replicas?: number;
  image?: string;
  spec?: Record<string, unknown>;
  podSpec?: Record<string, unknown>;
}

function template(name: string, image: string, podSpec: Record<string, unknown> = {}) {
  return { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'main', image }], ...podSpec } };
}

export function deployment(name: string, { replicas = 3, image = 'acme/web:1.0.0', spec = {}, podSpec }: WorkloadOptions = {}): KubeObject {
  return { kind: 'Deployment', metadata: { name }, spec: { replicas, selector: { matchLabels: { app: name } }, template: template(name, image, podSpec), ...spec } };
}

export function replicaSet(name: string, { replicas = 3, image = 'acme/web:1.0.0', spec = {}, podSpec }: WorkloadOptions = {}): KubeObject {
  return { kind: 'ReplicaSet', metadata: { name }, spec: { replicas, selector: { matchLabels: { app: name } }, template: template(name, image, podSpec), ...spec } };
}

export function statefulSet(name: string, { replicas = 3, image = 'acme/db:1.0.0', spec = {}, podSpec }: WorkloadOptions = {}): KubeObject {
  return { kind: 'StatefulSet', metadata: { name }, spec: { replicas, serviceName: name, selector: { matchLabels: { app: name } }, template: template(name, image, podSpec), ...spec } };
}

export function daemonSet(name: string, { image = 'acme/agent:1.0.0', spec = {}, podSpec }: WorkloadOptions = {}): KubeObject {
  return { kind: 'DaemonSet', metadata: { name }, spec: { selector: { matchLabels: { app: name } }, template: template(name, image, podSpec), ...spec } };
}

export function setImage(draft: KubeObject, image: string): void {
  draft.spec.template.spec.containers[0].image = image;
}

export function isReady(pod: KubeObject): boolean {
  return (pod.status?.conditions ?? []).some((c: { type: string; status: string }) => c.type === 'Ready' && c.status === 'True');
}

export function imageOf(pod: KubeObject): string {
  return pod.spec.containers[0].image;
}

/** pods of an app, sorted by name */
export function podsOf(h: Harness, app: string): KubeObject[] {
  return h.list('Pod', (p) => p.metadata.labels?.app === app);
}

/**
 * The pods as every store event leaves them: the store runs ahead of its listeners while
 * controllers write, so the state after each write is rebuilt from the events themselves.
 */
export function trackPods(h: Harness, onChange: (pods: ReadonlyMap<string, KubeObject>, event: StoreEvent) => void): () => void {
  const pods = new Map<string, KubeObject>();
  for (const p of h.list('Pod')) pods.set(objectKey(p.metadata.namespace, p.metadata.name), p);
  return h.store.listen((event) => {
    if (event.rt.kind !== 'Pod') return;
    const key = objectKey(event.object.metadata.namespace, event.object.metadata.name);
    if (event.type === 'DELETED') pods.delete(key);
    else pods.set(key, event.object);
    onChange(pods, event);
  });
}

/** kubectl rollout status for a Deployment (k8s.io/kubectl/pkg/polymorphichelpers/rollout_status.go) */
export function deploymentRolloutStatus(d: KubeObject): { done: boolean; message: string } {
  const status = d.status ?? {};
  const name = d.metadata.name;
  if ((d.metadata.generation ?? 0) > (status.observedGeneration ?? 0)) return { done: false, message: 'Waiting for deployment spec update to be observed...' };
  const progressing = (status.conditions ?? []).find((c: { type: string }) => c.type === 'Progressing');
  if (progressing?.reason === 'ProgressDeadlineExceeded') throw new Error(`deployment "${name}" exceeded its progress deadline`);
  const replicas = d.spec.replicas ?? 1;
  const [updated, total, available] = [status.updatedReplicas ?? 0, status.replicas ?? 0, status.availableReplicas ?? 0];
  if (updated < replicas) return { done: false, message: `Waiting for deployment "${name}" rollout to finish: ${updated} out of ${replicas} new replicas have been updated...` };
  if (total > updated) return { done: false, message: `Waiting for deployment "${name}" rollout to finish: ${total - updated} old replicas are pending termination...` };
  if (available < updated) return { done: false, message: `Waiting for deployment "${name}" rollout to finish: ${available} of ${updated} updated replicas are available...` };
  return { done: true, message: `deployment "${name}" successfully rolled out` };
}

export function condition(obj: KubeObject | undefined, type: string): Record<string, string> | undefined {
  return (obj?.status?.conditions ?? []).find((c: { type: string }) => c.type === type);
}
