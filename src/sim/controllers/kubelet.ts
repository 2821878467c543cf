// Every node's kubelet at once: a pod bound to a node gets its addresses at once and runs
// (Ready) podStartupMs later, unless its image never pulls. Pods of a NotReady node turn
// not ready; when the node is back their containers restart. Pods bound to a node that no
// longer exists are deleted after PodGC's 40 s quarantine, so their owners replace them.
import type { Cancel } from '../clock.js';
import { type KubeObject, objectKey } from '../objects.js';
import type { StoreEvent } from '../store.js';
import { PodAddresses } from './addresses.js';
import { splitKey } from './indexes.js';
import { NODE, POD } from './kinds.js';
import { isNodeReady } from './placement.js';
import { boundStatus, nodeLostStatus, restartedStatus, stageOf, startedStatus } from './podstatus.js';
import { isActive } from './pods.js';
import type { Controller, Runtime } from './runtime.js';
import type { Container, PodSpec, PodStatus } from './types.js';

/** PodGC's quarantine: how long a pod's node must stay missing before the pod is deleted */
export const ORPHAN_QUARANTINE_MS = 40_000;

export class Kubelet implements Controller {
  readonly name = 'kubelet';
  /** pods whose containers are starting, by pod uid */
  private readonly starting = new Map<string, Cancel>();
  /** pods bound to a node that does not exist, by pod uid: since when */
  private readonly orphaned = new Map<string, number>();
  private readonly addresses = new PodAddresses();

  constructor(private readonly rt: Runtime) {}

  observe(event: StoreEvent): void {
    if (event.rt.kind === 'Pod') this.observePod(event);
    else if (event.rt.kind === 'Node' && readinessChanged(event)) {
      for (const pod of this.rt.podsOnNode(event.object.metadata.name)) this.rt.queue.add(this.name, keyOf(pod));
    }
  }

  reconcile(key: string): void {
    const { namespace, name } = splitKey(key);
    const pod = this.rt.store.get(POD, namespace, name);
    const nodeName: unknown = pod?.spec?.nodeName;
    if (!pod || typeof nodeName !== 'string' || !nodeName || !isActive(pod)) return;
    const node = this.rt.store.get(NODE, undefined, nodeName);
    const uid = pod.metadata.uid ?? '';
    if (!node) return this.collectOrphan(pod, uid, key);
    this.orphaned.delete(uid);
    if (!isNodeReady(node)) {
      this.cancel(uid);
      this.writeStatus(pod, nodeLostStatus(pod, this.rt.stamp()));
      return;
    }
    if (!this.starting.has(uid)) this.advance(pod, node);
  }

  stop(): void {
    for (const cancel of this.starting.values()) cancel();
    this.starting.clear();
  }

  private collectOrphan(pod: KubeObject, uid: string, key: string): void {
    const since = this.orphaned.get(uid);
    if (since === undefined) {
      this.orphaned.set(uid, this.rt.now());
      this.rt.queue.addAfter(this.name, key, ORPHAN_QUARANTINE_MS);
    } else if (this.rt.now() - since >= ORPHAN_QUARANTINE_MS) {
      this.rt.remove(POD, pod.metadata.namespace, pod.metadata.name);
    }
  }

  private observePod(event: StoreEvent): void {
    const pod = event.object;
    if (event.type === 'DELETED') {
      this.cancel(pod.metadata.uid ?? '');
      this.orphaned.delete(pod.metadata.uid ?? '');
      this.addresses.release(pod.status?.podIP);
      return;
    }
    this.addresses.claim(pod.status?.podIP);
    if (pod.spec?.nodeName) this.rt.queue.add(this.name, keyOf(pod));
  }

  private advance(pod: KubeObject, node: KubeObject): void {
    const now = this.rt.stamp();
    switch (stageOf(pod)) {
      case 'unbound': {
        const podIP: string = pod.status?.podIP ?? this.addresses.allocate();
        this.writeStatus(pod, boundStatus(pod, hostIpOf(node), podIP, now));
        return this.startContainers(pod);
      }
      case 'creating':
        return this.startContainers(pod);
      case 'interrupted':
        this.writeStatus(pod, restartedStatus(pod, now));
        this.record(pod, 'Normal', 'SandboxChanged', 'Pod sandbox changed, it will be killed and re-created.');
        return this.startContainers(pod);
      case 'settled':
        return;
    }
  }

  private startContainers(pod: KubeObject): void {
    const uid = pod.metadata.uid ?? '';
    const key = keyOf(pod);
    this.starting.set(uid, this.rt.clock.setTimeout(() => this.started(key, uid), this.rt.settings.podStartupMs));
  }

  private started(key: string, uid: string): void {
    this.starting.delete(uid);
    const { namespace, name } = splitKey(key);
    const pod = this.rt.store.get(POD, namespace, name);
    if (!pod || pod.metadata.uid !== uid || !isActive(pod)) return;
    const node = this.rt.store.get(NODE, undefined, pod.spec?.nodeName ?? '');
    if (!node || !isNodeReady(node)) return;
    this.writeStatus(pod, startedStatus(pod, this.rt.stamp(), (image) => this.pulls(image)));
    const spec: PodSpec = pod.spec;
    for (const c of spec.containers) this.recordStart(pod, c);
  }

  private pulls(image: string): boolean {
    return image.search(this.rt.settings.failingImage) < 0;
  }

  private recordStart(pod: KubeObject, c: Container): void {
    const image = c.image ?? '';
    const fieldPath = `spec.containers{${c.name}}`;
    if (!this.pulls(image)) {
      this.record(pod, 'Normal', 'Pulling', `Pulling image "${image}"`, fieldPath);
      this.record(pod, 'Warning', 'Failed', `Failed to pull image "${image}": rpc error: code = NotFound desc = failed to pull and unpack image "${image}": not found`, fieldPath);
      this.record(pod, 'Normal', 'BackOff', `Back-off pulling image "${image}"`, fieldPath);
      return;
    }
    const pulled = c.imagePullPolicy === 'Always' ? `Successfully pulled image "${image}"` : `Container image "${image}" already present on machine`;
    this.record(pod, 'Normal', 'Pulled', pulled, fieldPath);
    this.record(pod, 'Normal', 'Started', `Started container ${c.name}`, fieldPath);
  }

  private writeStatus(pod: KubeObject, status: PodStatus): void {
    this.rt.updateStatus(POD, pod.metadata.namespace, pod.metadata.name, () => status);
  }

  private cancel(uid: string): void {
    this.starting.get(uid)?.();
    this.starting.delete(uid);
  }

  private record(pod: KubeObject, type: 'Normal' | 'Warning', reason: string, message: string, fieldPath?: string): void {
    this.rt.events.record(pod, { type, reason, message, component: 'kubelet', host: pod.spec?.nodeName, ...(fieldPath ? { fieldPath } : {}) });
  }
}

function keyOf(pod: KubeObject): string {
  return objectKey(pod.metadata.namespace, pod.metadata.name);
}

function hostIpOf(node: KubeObject): string {
  const addresses: { type: string; address: string }[] = node.status?.addresses ?? [];
  return addresses.find((a) => a.type === 'InternalIP')?.address ?? '';
}

function readinessChanged(event: StoreEvent): boolean {
  if (event.type !== 'MODIFIED' || !event.previous) return true;
  return isNodeReady(event.previous) !== isNodeReady(event.object);
}
