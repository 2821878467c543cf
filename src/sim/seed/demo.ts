// The demo fleet `npm start` and `npm run sim` serve: a few clusters that look like a
// small company's: two production regions and a staging cluster, environments of the
// `acme` org, and images tagged in command-hub style (`acme/api:1.4.2_17_a1b2c3d4`).
import type { ObjectStore } from '../store.js';
import { resourceByKind } from '../resources.js';
import { daemonSetManifest, deploymentManifest, environmentNamespace, namespaceManifest, nodeManifest, routingSecret, statefulSetManifest } from './builders.js';

interface DemoOptions {
  cluster: string;
  /** position in the fleet: varies node counts and versions so clusters differ */
  index: number;
}

const zones = ['a', 'b', 'c'];

export function seedDemoCluster(store: ObjectStore, { cluster, index }: DemoOptions): void {
  const create = (kind: string, obj: Parameters<ObjectStore['create']>[1]) => store.create(resourceByKind(kind), obj);
  const staging = cluster.includes('staging');
  const nodeCount = staging ? 3 : 4;
  const createdAt = new Date(Date.UTC(2026, 8, 1 + index)).toISOString().replace('.000', '');
  for (let i = 1; i <= nodeCount; i++) {
    create('Node', nodeManifest({ name: `${cluster}-node-${i}`, zone: `zone-${zones[(i - 1) % 3]}`, controlPlane: i === 1, address: `10.${index}.0.${10 + i}`, createdAt, cpus: i === 1 ? 2 : 8, memoryGi: i === 1 ? 8 : 32 }));
  }
  const env = staging ? 'staging' : 'production';
  const envNs = `acme-${env}`;
  create('Namespace', environmentNamespace('acme', env, staging ? ['staging.acme.example'] : [`${cluster}.acme.example`, 'www.acme.example'].slice(0, index === 0 ? 2 : 1)));
  create('Namespace', namespaceManifest('monitoring'));
  create('Secret', routingSecret(envNs));
  if (index === 0) {
    create('Namespace', environmentNamespace('globex', 'production', ['globex.example']));
    create('Secret', routingSecret('globex-production'));
    create('Deployment', deploymentManifest({ name: 'shop', namespace: 'globex-production', image: 'registry.globex.example:5000/globex/shop:3.2.1_88_f00dfeed', replicas: 2, port: 8080 }));
  }

  const apiVersion = staging ? '1.5.0-rc.1_18_b2c3d4e5' : index === 1 ? '1.4.1_16_9f8e7d6c' : '1.4.2_17_a1b2c3d4';
  create('Deployment', deploymentManifest({ name: 'api', namespace: envNs, image: `acme/api:${apiVersion}`, replicas: staging ? 1 : 3, port: 8080, labels: { tier: 'backend' } }));
  create('Deployment', deploymentManifest({ name: 'web', namespace: envNs, image: staging ? 'acme/web:2.4.0' : 'acme/web:2.3.0', replicas: 2, port: 80, labels: { tier: 'frontend' } }));
  create('Deployment', deploymentManifest({ name: 'worker', namespace: envNs, image: 'acme/worker:acme_jobs_master_0.9.3_41_c0ffee12', replicas: 1, labels: { tier: 'backend' } }));
  create('StatefulSet', statefulSetManifest({ name: 'postgres', namespace: envNs, image: 'postgres:16.4-alpine', replicas: staging ? 1 : 2, port: 5432, labels: { tier: 'data' } }));
  create('Deployment', deploymentManifest({ name: 'grafana', namespace: 'monitoring', image: 'grafana/grafana:11.1.0', replicas: 1, port: 3000 }));
  create('StatefulSet', statefulSetManifest({ name: 'prometheus', namespace: 'monitoring', image: 'quay.io/prometheus/prometheus:v2.53.0', replicas: 1, port: 9090 }));
  create('DaemonSet', daemonSetManifest({ name: 'node-exporter', namespace: 'monitoring', image: 'quay.io/prometheus/node-exporter:v1.8.2', port: 9100 }));
  create('Deployment', deploymentManifest({ name: 'coredns', namespace: 'kube-system', image: 'registry.k8s.io/coredns/coredns:v1.11.3', replicas: 2, port: 53, labels: { 'k8s-app': 'kube-dns' } }));
  create('DaemonSet', daemonSetManifest({ name: 'kube-proxy', namespace: 'kube-system', image: 'registry.k8s.io/kube-proxy:v1.32.4', labels: { 'k8s-app': 'kube-proxy' } }));
  create('Deployment', deploymentManifest({ name: 'nginx', namespace: 'default', image: 'nginx:1.27-alpine', replicas: 1, port: 80 }));
}
