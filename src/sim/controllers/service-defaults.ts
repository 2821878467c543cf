// What the API server fills in on a Service: its type, session affinity, IP families, each
// port's protocol and target port, and a cluster IP from the service network.
import type { KubeObject } from '../objects.js';

/** 10.96.0.0/12, kubeadm's default service network */
const NETWORK = (10 << 24) | (96 << 16);
const SIZE = 1 << 20;
/** 10.96.0.1 (`kubernetes`) and 10.96.0.10 (`kube-dns`) are taken in a kubeadm cluster */
const RESERVED = new Set([0, 1, 10, SIZE - 1]);

interface ServicePort {
  port?: number;
  protocol?: string;
  targetPort?: number | string;
}

/** Fills in a Service's defaults in place. Idempotent; a clusterIP already set is kept. */
export function defaultService(obj: KubeObject): void {
  const spec = (obj.spec ??= {});
  spec.type ??= 'ClusterIP';
  spec.sessionAffinity ??= 'None';
  for (const p of (spec.ports ?? []) as ServicePort[]) {
    p.protocol ??= 'TCP';
    p.targetPort ??= p.port;
  }
  if (spec.type !== 'ExternalName') {
    // An empty clusterIP asks for one, as an absent one does.
    spec.clusterIP ||= clusterIpFor(obj.metadata.namespace ?? '', obj.metadata.name);
    if (!spec.clusterIPs?.length) spec.clusterIPs = [spec.clusterIP];
    if (spec.clusterIP !== 'None') {
      spec.ipFamilies ??= ['IPv4'];
      spec.ipFamilyPolicy ??= 'SingleStack';
    }
    spec.internalTrafficPolicy ??= 'Cluster';
  }
  obj.status ??= { loadBalancer: {} };
}

/**
 * A cluster IP chosen by hashing the service's namespace and name (FNV-1a) into the service
 * network. The API server allocates at random; a hash gives a Service the same address on
 * every write without the simulator keeping an allocator, and with a million addresses two
 * services of one simulated cluster practically never meet.
 */
export function clusterIpFor(namespace: string, name: string): string {
  let hash = 0x811c9dc5;
  for (const byte of Buffer.from(`${namespace}/${name}`)) hash = Math.imul(hash ^ byte, 0x01000193) >>> 0;
  let offset = hash % SIZE;
  while (RESERVED.has(offset)) offset = (offset + 11) % SIZE;
  const ip = NETWORK + offset;
  return [ip >>> 24, (ip >>> 16) & 0xff, (ip >>> 8) & 0xff, ip & 0xff].join('.');
}
