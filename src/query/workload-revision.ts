// Workload.revision: what `kubectl rollout history` calls the current revision. A Deployment's
// is on the object; a StatefulSet's or DaemonSet's is the number of a ControllerRevision, read
// from the request's one ControllerRevision list per (cluster, namespace scope).
import type { ClusterErrors } from '../errors/index.js';
import { type FleetReader, listOrEmpty } from '../loaders/index.js';
import { currentRevisionNumber, ownedRevisions } from '../model/controller-revisions.js';
import type { WorkloadRecord } from '../model/records.js';

/** The request's reads, and where a cluster that fails them is recorded. */
interface ReadContext {
  readonly reader: FleetReader;
  readonly clusterErrors: ClusterErrors;
}

/**
 * The revision number. A StatefulSet's is the ControllerRevision its status names (else its
 * newest); a DaemonSet's is its newest, which is always the template it runs. With none to
 * read (a cluster that failed the list, recorded for the response) the record's own value.
 */
export async function workloadRevision(ctx: ReadContext, workload: WorkloadRecord): Promise<number | null> {
  if (workload.workloadKind === 'DEPLOYMENT' || !workload.uid) return workload.revision;
  const revisions = await listOrEmpty(ctx, workload.cluster, 'ControllerRevision', workload.namespace);
  const owned = ownedRevisions({ metadata: { uid: workload.uid } }, revisions);
  return currentRevisionNumber(owned, workload.updateRevision) ?? workload.revision;
}
