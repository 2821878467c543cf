// Large fleets for benchmarks: clusters × nodes × namespaces × deployments, with images
// drawn from a small catalogue so image searches and upgrade plans have work to do.
import type { ObjectStore } from '../store.js';
import { resourceByKind } from '../resources.js';
import { deploymentManifest, environmentNamespace, nodeManifest } from './builders.js';

export interface GeneratorOptions {
  /** nodes per cluster; default 10 */
  nodes?: number;
  /** namespaces per cluster; default 10 (environments `org<N>:env`) */
  namespaces?: number;
  /** deployments per cluster, spread over the namespaces; default 100 */
  deployments?: number;
  /** replicas per deployment; default 3 */
  replicas?: number;
}

const catalogue = ['acme/api', 'acme/web', 'acme/worker', 'acme/billing', 'acme/search', 'nginx', 'redis', 'quay.io/coreos/etcd'];

export function seedGeneratedCluster(store: ObjectStore, opts: GeneratorOptions & { cluster: string; index: number }): void {
  const { nodes = 10, namespaces = 10, deployments = 100, replicas = 3, cluster, index } = opts;
  const createdAt = new Date(Date.UTC(2026, 0, 1)).toISOString().replace('.000', '');
  for (let i = 0; i < nodes; i++) {
    // Plenty of pod room per node, so any size of fleet schedules.
    const node = nodeManifest({ name: `${cluster}-node-${i + 1}`, zone: `zone-${i % 3}`, address: `10.${index % 250}.${Math.floor(i / 250)}.${(i % 250) + 1}`, createdAt, cpus: 32, memoryGi: 128 });
    node.status.capacity.pods = node.status.allocatable.pods = String(Math.max(110, Math.ceil((deployments * replicas) / nodes) * 2));
    store.create(resourceByKind('Node'), node);
  }
  const nsNames = Array.from({ length: namespaces }, (_, i) => `org${i + 1}-env`);
  for (const [i] of nsNames.entries()) store.create(resourceByKind('Namespace'), environmentNamespace(`org${i + 1}`, 'env'));
  for (let d = 0; d < deployments; d++) {
    const image = `${catalogue[d % catalogue.length]}:1.${d % 7}.${d % 3}_${d % 50}_${(0xa1b2c3d4 + d).toString(16).slice(-8)}`;
    store.create(resourceByKind('Deployment'), deploymentManifest({ name: `app-${String(d).padStart(4, '0')}`, namespace: nsNames[d % namespaces]!, image, replicas }));
  }
}
