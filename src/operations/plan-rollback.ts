// rollbackWorkload's plan: `kubectl rollout undo` for a Deployment — the ReplicaSet at the
// wanted revision (the previous one when none is given), whose template will be written back.
import { BadUserInputError, NotFoundError } from '../errors/index.js';
import type { GatewayContext } from '../server/context.js';
import { previousRevision, replicaSetAtRevision } from './changes.js';
import { checkRollbackWorkload } from '../validation/index.js';
import { clusterOrder, orUnavailable } from './plan-reads.js';
import type { WorkloadRefInput } from './plan-restart.js';
import { plannedTarget } from './plan.js';
import type { OperationRequest } from './runner.js';
import { DEFAULT_STRATEGY } from './strategy.js';

/** The contract's RollbackWorkloadInput. */
export interface RollbackWorkloadInput {
  workload: WorkloadRefInput;
  revision?: number | null;
}

type PlanContext = Pick<GatewayContext, 'registry' | 'principal'>;

/**
 * Reads through the cluster's client, not the request's reader: ReplicaSets are read only here.
 * @throws BadUserInputError for a kind other than DEPLOYMENT or a revision below 1,
 * NotFoundError for an unknown cluster or Deployment or a revision it does not have
 */
export async function planRollback(ctx: PlanContext, input: RollbackWorkloadInput): Promise<OperationRequest> {
  checkRollbackWorkload(input);
  const { workload, revision } = input;
  if (workload.kind !== 'DEPLOYMENT') throw new BadUserInputError(`workload.kind: only Deployments can be rolled back, got ${workload.kind}`);
  if (revision != null && (!Number.isInteger(revision) || revision < 1)) throw new BadUserInputError(`revision must be at least 1, got ${revision}`);
  const [cluster] = clusterOrder(ctx.registry, [workload.cluster]);
  const client = ctx.registry.get(cluster!)!.client;
  const { namespace, name } = workload;
  const deployment = await orUnavailable(client.get('Deployment', name, { namespace }));
  if (!deployment) throw new NotFoundError(`no Deployment ${workload.cluster}/${namespace}/${name}`);
  const { items } = await orUnavailable(client.list('ReplicaSet', { namespace }));
  const wanted = revision ?? previousRevision(deployment, items);
  if (wanted === null) throw new NotFoundError(`Deployment ${workload.cluster}/${namespace}/${name} has no previous revision`);
  const rs = replicaSetAtRevision(deployment, items, wanted);
  if (!rs) throw new NotFoundError(`Deployment ${workload.cluster}/${namespace}/${name} has no revision ${wanted}`);
  const image = (o: typeof rs | typeof deployment) => o.spec?.template?.spec?.containers?.[0]?.image ?? null;
  return {
    kind: 'ROLLBACK',
    requestedBy: ctx.principal.name,
    idempotencyKey: null,
    dryRun: false,
    params: { kind: 'ROLLBACK', revision: wanted, strategy: { ...DEFAULT_STRATEGY, rollbackOnFailure: false }, clusterOrder: [workload.cluster] },
    targets: [plannedTarget({ cluster: workload.cluster, kind: 'Deployment', namespace, name }, { fromImage: image(deployment), toImage: image(rs) })],
  };
}
