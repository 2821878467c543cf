// What a user would call "the fleet's state" for checking that a refused mutation changed
// nothing: every namespace, secret and workload of every simulated cluster, as written
// (labels, annotations, spec, data). Status, pods and nodes are left out: controllers and
// heartbeats change them all the time without anyone asking.
import type { SimFleet } from '../../src/sim/fleet.js';
import { resourceByKind } from '../../src/sim/resources.js';

const KINDS = ['Namespace', 'Secret', 'Deployment', 'StatefulSet', 'DaemonSet'] as const;

export function storeSnapshot(fleet: SimFleet): Record<string, string> {
  const out: Record<string, string> = {};
  for (const cluster of fleet.clusters) {
    for (const kind of KINDS) {
      for (const obj of cluster.store.list(resourceByKind(kind))) {
        const { labels, annotations, namespace, name } = obj.metadata;
        out[`${cluster.name}/${kind}/${namespace ?? ''}/${name}`] = JSON.stringify({ labels, annotations, spec: obj.spec, data: obj.data });
      }
    }
  }
  return out;
}
