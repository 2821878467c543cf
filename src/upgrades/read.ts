import type { WorkloadRecord } from '../model/records.js';
import { daemonSetRecord, deploymentRecord, statefulSetRecord } from '../model/workload.js';
import type { RequestScope } from '../request/request-scope.js';

/**
 * A cluster's Deployments, StatefulSets and DaemonSets, every namespace, through the request's
 * reader (so other fields of the request share the lists). Unlike the workloads query it
 * rejects when any list fails: a plan missing a kind would look complete and be wrong.
 */
export async function readClusterWorkloads(ctx: Pick<RequestScope, 'reader'>, cluster: string): Promise<WorkloadRecord[]> {
  const [deployments, statefulSets, daemonSets] = await Promise.all([
    ctx.reader.list(cluster, 'Deployment'),
    ctx.reader.list(cluster, 'StatefulSet'),
    ctx.reader.list(cluster, 'DaemonSet'),
  ]);
  return [
    ...deployments.map((d) => deploymentRecord(cluster, d)),
    ...statefulSets.map((s) => statefulSetRecord(cluster, s)),
    ...daemonSets.map((d) => daemonSetRecord(cluster, d)),
  ];
}
