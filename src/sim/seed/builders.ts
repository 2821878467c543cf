// Manifests as a user or installer would submit them: the seeds build their fleets from these,
// and the controllers bring them to life.
import { randomBytes } from 'node:crypto';
import type { KubeObject } from '../objects.js';

export interface NodeSpec {
  name: string;
  zone: string;
  controlPlane?: boolean;
  cpus?: number;
  memoryGi?: number;
  address: string;
  createdAt: string;
}

export function nodeManifest(n: NodeSpec): KubeObject {
  const ready = { type: 'Ready', status: 'True', reason: 'KubeletReady', message: 'kubelet is posting ready status', lastHeartbeatTime: n.createdAt, lastTransitionTime: n.createdAt };
  const fine = (type: string, reason: string) => ({ type, status: 'False', reason, message: `kubelet has no ${type}`, lastHeartbeatTime: n.createdAt, lastTransitionTime: n.createdAt });
  const cpus = String(n.cpus ?? 4);
  const memory = `${(n.memoryGi ?? 16) * 1024 * 1024}Ki`;
  return {
    metadata: {
      name: n.name,
      labels: {
        'kubernetes.io/hostname': n.name,
        'kubernetes.io/os': 'linux',
        'kubernetes.io/arch': 'amd64',
        'topology.kubernetes.io/zone': n.zone,
        ...(n.controlPlane ? { 'node-role.kubernetes.io/control-plane': '' } : { 'node-role.kubernetes.io/worker': '' }),
      },
      annotations: { 'node.alpha.kubernetes.io/ttl': '0' },
    },
    spec: { podCIDR: '10.244.0.0/24', ...(n.controlPlane ? { taints: [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }] } : {}) },
    status: {
      capacity: { cpu: cpus, memory, pods: '110', 'ephemeral-storage': '102350Mi' },
      allocatable: { cpu: cpus, memory, pods: '110', 'ephemeral-storage': '94330Mi' },
      conditions: [fine('MemoryPressure', 'KubeletHasSufficientMemory'), fine('DiskPressure', 'KubeletHasNoDiskPressure'), fine('PIDPressure', 'KubeletHasSufficientPID'), ready],
      addresses: [{ type: 'InternalIP', address: n.address }, { type: 'Hostname', address: n.name }],
      daemonEndpoints: { kubeletEndpoint: { Port: 10250 } },
      nodeInfo: {
        machineID: randomBytes(16).toString('hex'),
        systemUUID: randomBytes(16).toString('hex'),
        bootID: randomBytes(16).toString('hex'),
        kernelVersion: '6.8.0-45-generic',
        osImage: 'Ubuntu 24.04.1 LTS',
        containerRuntimeVersion: 'containerd://1.7.22',
        kubeletVersion: 'v1.32.4',
        kubeProxyVersion: 'v1.32.4',
        operatingSystem: 'linux',
        architecture: 'amd64',
      },
    },
  };
}

/** Labels and annotations that make a namespace an environment (reference 001: `org:env` ↔ `org-env`). */
export function environmentNamespace(org: string, env: string, hostNames: string[] = []): KubeObject {
  return {
    metadata: {
      name: `${org}-${env}`,
      labels: { 'fleetgraph.io/environment': 'true', 'fleetgraph.io/org': org, 'fleetgraph.io/env': env },
      annotations: { 'fleetgraph.io/environment-name': `${org}:${env}`, 'fleetgraph.io/host-names': hostNames.join(' ') },
    },
    spec: { finalizers: ['kubernetes'] },
    status: { phase: 'Active' },
  };
}

export function namespaceManifest(name: string, labels: Record<string, string> = {}): KubeObject {
  return { metadata: { name, labels: { 'kubernetes.io/metadata.name': name, ...labels } }, spec: { finalizers: ['kubernetes'] }, status: { phase: 'Active' } };
}

/** The routing secret of an environment: two 256-bit keys, base64 encoded once. */
export function routingSecret(namespace: string): KubeObject {
  const key = () => Buffer.from(randomBytes(32).toString('base64')).toString('base64');
  return { metadata: { name: 'routing', namespace }, type: 'Opaque', data: { 'public-api-key': key(), 'private-api-key': key() } };
}

export interface WorkloadSpec {
  name: string;
  namespace: string;
  image: string;
  replicas?: number;
  labels?: Record<string, string>;
  port?: number;
}

function podTemplate(w: WorkloadSpec): Record<string, unknown> {
  const labels = { app: w.name, ...w.labels };
  return {
    metadata: { labels },
    spec: {
      containers: [
        {
          name: w.name,
          image: w.image,
          ...(w.port ? { ports: [{ containerPort: w.port, protocol: 'TCP' }] } : {}),
          resources: { requests: { cpu: '100m', memory: '128Mi' } },
        },
      ],
    },
  };
}

export function deploymentManifest(w: WorkloadSpec): KubeObject {
  const labels = { app: w.name, ...w.labels };
  return {
    metadata: { name: w.name, namespace: w.namespace, labels },
    spec: { replicas: w.replicas ?? 2, selector: { matchLabels: { app: w.name } }, template: podTemplate(w) },
  };
}

export function statefulSetManifest(w: WorkloadSpec): KubeObject {
  const labels = { app: w.name, ...w.labels };
  return {
    metadata: { name: w.name, namespace: w.namespace, labels },
    spec: { replicas: w.replicas ?? 1, serviceName: w.name, selector: { matchLabels: { app: w.name } }, template: podTemplate(w) },
  };
}

export function daemonSetManifest(w: WorkloadSpec): KubeObject {
  const labels = { app: w.name, ...w.labels };
  return {
    metadata: { name: w.name, namespace: w.namespace, labels },
    spec: { selector: { matchLabels: { app: w.name } }, template: podTemplate(w) },
  };
}
