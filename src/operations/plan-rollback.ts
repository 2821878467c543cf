// rollbackWorkload's plan, as `kubectl rollout undo`: for a Deployment the ReplicaSet at the
// wanted revision, for a StatefulSet or DaemonSet the ControllerRevision at it (the previous
// one when none is given), whose template will be written back.
import { BadUserInputError, NotFoundError } from '../errors/index.js';
import type { ClusterClient, KubeObjects } from '../kube/index.js';
import { ownedRevisions, previousRevisionNumber, revisionNumbered, revisionTemplate } from '../model/controller-revisions.js';
import { KUBE_KIND_OF } from '../model/workload.js';
import type { RequestScope } from '../request/request-scope.js';
import { previousRevision, replicaSetAtRevision } from './changes.js';
import { checkRollbackWorkload } from '../validation/index.js';
import { requireCluster } from '../fleet/cluster-names.js';
import { orUnavailable } from './plan-reads.js';
import type { WorkloadRefInput } from './plan-restart.js';
import { plannedTarget } from './planned-targets.js';
import { DEFAULT_STRATEGY } from './strategy.js';
import type { OperationRequest } from './model.js';

/** The contract's RollbackWorkloadInput. */
export interface RollbackWorkloadInput {
  workload: WorkloadRefInput;
  revision?: number | null;
}

type PlanContext = Pick<RequestScope, 'registry' | 'principal'>;
type Template = { spec?: { containers?: { image?: string }[] } } | undefined;

/** What a rollback goes back to: the revision, and the images before and after. */
interface RollbackPoint {
  revision: number;
  fromImage: string | null;
  toImage: string | null;
}

/**
 * Reads through the cluster's client, not the request's reader: revisions are read only here.
 * @throws BadUserInputError for a revision below 1, NotFoundError for an unknown cluster or
 * workload or a revision it does not have
 */
export async function planRollback(ctx: PlanContext, input: RollbackWorkloadInput): Promise<OperationRequest> {
  checkRollbackWorkload(input);
  const { workload, revision } = input;
  if (revision != null && (!Number.isInteger(revision) || revision < 1)) throw new BadUserInputError(`revision must be at least 1, got ${revision}`);
  const { client } = requireCluster(ctx.registry, workload.cluster, 'input.workload.cluster');
  const kind = KUBE_KIND_OF[workload.kind];
  const { namespace, name } = workload;
  const what = `${kind} ${workload.cluster}/${namespace}/${name}`;
  const obj = await orUnavailable(client.get(kind, name, { namespace }));
  if (!obj) throw new NotFoundError(`no ${what}`);
  const point = kind === 'Deployment' ? await deploymentPoint(client, obj as KubeObjects['Deployment'], revision) : await revisionPoint(client, obj as KubeObjects['StatefulSet'] | KubeObjects['DaemonSet'], revision);
  if (typeof point === 'string') throw new NotFoundError(`${what} has ${point}`);
  return {
    kind: 'ROLLBACK',
    requestedBy: ctx.principal.name,
    idempotencyKey: null,
    dryRun: false,
    params: { kind: 'ROLLBACK', revision: point.revision, strategy: { ...DEFAULT_STRATEGY, rollbackOnFailure: false }, clusterOrder: [workload.cluster] },
    targets: [plannedTarget({ cluster: workload.cluster, kind, namespace, name }, { fromImage: point.fromImage, toImage: point.toImage })],
  };
}

/** The point, or what is missing ("no previous revision", "no revision 9"). */
async function deploymentPoint(client: ClusterClient, deployment: KubeObjects['Deployment'], revision: number | null | undefined): Promise<RollbackPoint | string> {
  const { items } = await orUnavailable(client.list('ReplicaSet', { namespace: deployment.metadata?.namespace }));
  const wanted = revision ?? previousRevision(deployment, items);
  if (wanted === null) return 'no previous revision';
  const rs = replicaSetAtRevision(deployment, items, wanted);
  if (!rs) return `no revision ${wanted}`;
  return { revision: wanted, fromImage: imageOf(deployment.spec?.template), toImage: imageOf(rs.spec?.template) };
}

async function revisionPoint(client: ClusterClient, owner: KubeObjects['StatefulSet'] | KubeObjects['DaemonSet'], revision: number | null | undefined): Promise<RollbackPoint | string> {
  const { items } = await orUnavailable(client.list('ControllerRevision', { namespace: owner.metadata?.namespace }));
  const owned = ownedRevisions(owner, items);
  const wanted = revision ?? previousRevisionNumber(owned);
  if (wanted === null) return 'no previous revision';
  const found = revisionNumbered(owned, wanted);
  if (!found) return `no revision ${wanted}`;
  return { revision: wanted, fromImage: imageOf(owner.spec?.template), toImage: imageOf(revisionTemplate(found)) };
}

function imageOf(template: Template): string | null {
  return template?.spec?.containers?.[0]?.image ?? null;
}
