// Cordoning, as `kubectl cordon|uncordon` does it: one strategic merge patch of the node's
// spec.unschedulable (uncordoning removes the field, as kubectl's patch does). No read first,
// so there is no race to lose; the answer is the node the patch returned.
import { NotFoundError } from '../errors/index.js';
import type { ClusterRegistry } from '../fleet/index.js';
import { toHostRecord } from '../model/host.js';
import type { HostRecord } from '../model/records.js';
import { checkHostArguments } from '../validation/index.js';
import { requireCluster } from '../fleet/cluster-names.js';
import { kubeCall } from './kube-errors.js';

export interface HostTarget {
  cluster: string;
  name: string;
}

/**
 * Marks the host (un)schedulable. Pods already on it stay: cordoning is not draining.
 * @throws BadUserInputError (a cluster or host name no cluster could hold), NotFoundError (cluster or host), ClusterUnavailableError
 */
export async function setHostCordoned(registry: ClusterRegistry, { cluster, name }: HostTarget, cordoned: boolean): Promise<HostRecord> {
  checkHostArguments(cluster, name);
  const { client } = requireCluster(registry, cluster);
  const body = { spec: { unschedulable: cordoned ? true : null } };
  const node = await kubeCall(() => client.patch('Node', name, body, { strategy: 'strategic' }), {
    notFound: () => new NotFoundError(`name: no host named "${name}" in cluster "${cluster}"`),
  });
  return toHostRecord(cluster, node);
}
