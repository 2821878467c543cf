// rolloutImage's plan: the workloads upgradeCandidates classes UPGRADE for the image, with
// the same filter, clusters and namespaces semantics; only those containers change.
import { BadUserInputError } from '../errors/index.js';
import type { ImageField } from '../images/index.js';
import type { RequestScope } from '../request/request-scope.js';
import { readClusterWorkloads, upgradeCandidates } from '../upgrades/index.js';
import { checkRolloutImage, mayChangeNamespace } from '../validation/index.js';
import { clusterOrder, unreadClusterTarget } from './plan-reads.js';
import { inClusterOrder, rolloutTargets } from './planned-targets.js';
import { type RolloutStrategyInput, rolloutStrategy } from './strategy.js';
import type { OperationRequest } from './model.js';

/** The contract's RolloutImageInput; GraphQL hands absent fields over as null. */
export interface RolloutImageInput {
  image: string;
  filter?: readonly ImageField[] | null;
  clusters?: readonly string[] | null;
  namespaces?: readonly string[] | null;
  strategy?: RolloutStrategyInput | null;
  dryRun?: boolean | null;
  idempotencyKey?: string | null;
}

type PlanContext = Pick<RequestScope, 'registry' | 'reader' | 'principal'>;

/**
 * A cluster that cannot be read is planned as its own FAILED target (kind Cluster).
 * @throws BadUserInputError for a bad image or strategy, or an unknown cluster — before any write.
 */
export async function planRollout(ctx: PlanContext, input: RolloutImageInput): Promise<OperationRequest> {
  checkRolloutImage(input);
  const strategy = rolloutStrategy(input.strategy);
  if (input.image.trim() === '') throw new BadUserInputError('image: must not be empty');
  const order = clusterOrder(ctx.registry, input.clusters, 'input.clusters');
  const plans = await upgradeCandidates(
    { clusters: ctx.registry.list(), readWorkloads: (cluster) => readClusterWorkloads(ctx, cluster) },
    { image: input.image, filter: input.filter, clusters: order, namespaces: input.namespaces },
  );
  const unread = plans.flatMap((p) => (p.failed ? [unreadClusterTarget(p.cluster.name, p.message)] : []));
  return {
    kind: 'ROLLOUT',
    requestedBy: ctx.principal.name,
    idempotencyKey: input.idempotencyKey ?? null,
    dryRun: input.dryRun ?? false,
    params: { kind: 'ROLLOUT', image: input.image, strategy, clusterOrder: order },
    // kube-* namespaces only when named (src/validation/scope.ts).
    targets: inClusterOrder([...rolloutTargets(plans.flatMap((p) => p.upgrade).filter((u) => mayChangeNamespace(u.workload.namespace, input.namespaces)), order, input.image), ...unread], order),
  };
}
