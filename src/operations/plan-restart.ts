// restartWorkloads' plan: the workloads named, or those matching a WorkloadFilter (the
// workloads query's semantics), each to be restarted as `kubectl rollout restart` does.
import { BadUserInputError, NotFoundError } from '../errors/index.js';
import type { WorkloadKind, WorkloadRecord } from '../model/records.js';
import { requireCluster } from '../fleet/cluster-names.js';
import { fanOut, readCluster } from '../fleet/fan-out.js';
import { toNamespaceRecord } from '../model/namespace.js';
import { KUBE_KIND_OF, workloadRecord } from '../model/workload.js';
import type { WorkloadObjectArgs } from '../model/workload-status.js';
import { type WorkloadFilter, namespaceEnvironments, workloadMatcher } from '../query/workload-filter.js';
import type { RequestScope } from '../request/request-scope.js';
import { readClusterWorkloads } from '../upgrades/index.js';
import { checkRestartWorkloads, mayChangeNamespace } from '../validation/index.js';
import { clusterOrder, unreadClusterTargets } from './plan-reads.js';
import { inClusterOrder, restartTargets } from './planned-targets.js';
import type { OperationRequest, OperationTarget } from './model.js';
import { type RolloutStrategyInput, rolloutStrategy } from './strategy.js';

export interface WorkloadRefInput {
  cluster: string;
  namespace: string;
  kind: WorkloadKind;
  name: string;
}

/** The contract's RestartWorkloadsInput; GraphQL hands absent fields over as null. */
export interface RestartWorkloadsInput {
  workloads?: readonly WorkloadRefInput[] | null;
  filter?: WorkloadFilter | null;
  /** the switch a filter naming no namespaces needs (kube-* namespaces still only when named) */
  allNamespaces?: boolean | null;
  strategy?: RolloutStrategyInput | null;
  dryRun?: boolean | null;
  idempotencyKey?: string | null;
}

type PlanContext = Pick<RequestScope, 'registry' | 'reader' | 'principal'>;

/**
 * @param at the restart's time, written as every target's restartedAt (RFC 3339). With
 * milliseconds, unlike kubectl's: a resumed target takes an equal value for its own restart
 * having landed, so two restarts within one second must not write the same one.
 * A cluster that cannot be read is planned as its own FAILED target (kind Cluster).
 * @throws BadUserInputError unless exactly one of workloads and filter is given (or for a bad
 * strategy or selector, or an unknown cluster in the filter), NotFoundError for a workload
 * (or its cluster) that does not exist
 */
export async function planRestart(ctx: PlanContext, input: RestartWorkloadsInput, at: Date): Promise<OperationRequest> {
  checkRestartWorkloads(input);
  const strategy = rolloutStrategy(input.strategy);
  const { workloads, filter } = input;
  if ((workloads == null) === (filter == null)) throw new BadUserInputError('give either workloads or filter, not both or neither');
  if (workloads && workloads.length === 0) throw new BadUserInputError('workloads: name at least one workload');
  const order = workloads
    ? [...new Set(workloads.map((w, i) => requireCluster(ctx.registry, w.cluster, `input.workloads[${i}].cluster`).name))]
    : clusterOrder(ctx.registry, filter?.clusters, 'input.filter.clusters');
  const { found, unread } = workloads ? await namedWorkloads(ctx, workloads) : await filteredWorkloads(ctx, order, filter!);
  return {
    kind: 'RESTART',
    requestedBy: ctx.principal.name,
    idempotencyKey: input.idempotencyKey ?? null,
    dryRun: input.dryRun ?? false,
    params: { kind: 'RESTART', restartedAt: at.toISOString(), strategy, clusterOrder: order },
    targets: inClusterOrder([...restartTargets(found, order), ...unread], order),
  };
}

interface Found {
  found: WorkloadRecord[];
  /** one FAILED target per cluster that could not be read */
  unread: OperationTarget[];
}

/** @throws NotFoundError naming every workload that does not exist (in the clusters that could be read) */
async function namedWorkloads(ctx: PlanContext, refs: readonly WorkloadRefInput[]): Promise<Found> {
  const reads = await Promise.all(refs.map((ref) => readCluster(ref.cluster, readWorkload(ctx, ref))));
  const missing = refs.filter((_, i) => { const r = reads[i]!; return 'items' in r && !r.items; });
  if (missing.length > 0) throw new NotFoundError(`no workload ${missing.map((r) => `${r.kind} ${r.cluster}/${r.namespace}/${r.name}`).join(', ')}`);
  return { found: reads.flatMap((r) => ('items' in r && r.items ? [r.items] : [])), unread: unreadClusterTargets(reads) };
}

async function readWorkload(ctx: PlanContext, { cluster, namespace, kind, name }: WorkloadRefInput): Promise<WorkloadRecord | undefined> {
  const obj = await ctx.reader.get(cluster, KUBE_KIND_OF[kind], name, namespace);
  return obj && workloadRecord(cluster, ...([kind, obj] as WorkloadObjectArgs));
}

/** Every cluster the filter allows is read whole: one that cannot be read is its FAILED target. */
async function filteredWorkloads(ctx: PlanContext, order: readonly string[], filter: WorkloadFilter): Promise<Found> {
  const environments = namespaceEnvironments();
  const matches = workloadMatcher(filter, environments);
  const lists = await fanOut(order, async (cluster) => {
    if (filter.environments) environments.record((await ctx.reader.list(cluster, 'Namespace')).map((ns) => toNamespaceRecord(cluster, ns)));
    return readClusterWorkloads(ctx, cluster);
  });
  return {
    found: lists.flatMap((r) => ('items' in r ? r.items : [])).filter((w) => matches(w) && mayChangeNamespace(w.namespace, filter.namespaces)),
    unread: unreadClusterTargets(lists),
  };
}
