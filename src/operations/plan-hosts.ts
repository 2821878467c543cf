// restartHosts' plan: the nodes named, or those a label selector picks, of one cluster.
import { BadUserInputError, NotFoundError, parseUserSelector } from '../errors/index.js';
import type { RequestScope } from '../request/request-scope.js';
import { type RestartHostsInput as CheckedRestartHostsInput, checkRestartHosts } from '../validation/index.js';
import { requireCluster } from '../fleet/cluster-names.js';
import { readCluster } from '../fleet/fan-out.js';
import { unreadClusterTargets } from './plan-reads.js';
import { hostTargets } from './planned-targets.js';
import { atLeastOne } from './strategy.js';
import type { OperationRequest } from './model.js';

/** The contract's RestartHostsInput, as src/validation checks it; GraphQL hands absent fields over as null. */
export interface RestartHostsInput extends CheckedRestartHostsInput {
  dryRun?: boolean | null;
}

type PlanContext = Pick<RequestScope, 'registry' | 'reader' | 'principal'>;

/**
 * @param timeoutSeconds how long each host may take to drain, reboot and come back Ready
 * @throws BadUserInputError unless exactly one of hosts and labelSelector is given, for a bad
 * selector or a maxUnavailable below 1; NotFoundError for an unknown cluster or host. A
 * cluster that cannot be read is planned as one FAILED target (kind Cluster).
 */
export async function planHostRestart(ctx: PlanContext, input: RestartHostsInput, timeoutSeconds: number): Promise<OperationRequest> {
  checkRestartHosts(input);
  const maxUnavailable = input.maxUnavailable ?? 1;
  atLeastOne('maxUnavailable', maxUnavailable);
  const { hosts } = input;
  const labelSelector = input.labelSelector ?? (input.allHosts ? '' : null);
  if ((hosts == null) === (labelSelector == null)) throw new BadUserInputError('give either hosts or labelSelector, not both or neither');
  if (hosts && hosts.length === 0) throw new BadUserInputError('hosts: name at least one host');
  const selector = labelSelector == null ? undefined : parseUserSelector(labelSelector);
  const cluster = requireCluster(ctx.registry, input.cluster, 'input.cluster').name;
  const read = await readCluster(cluster, ctx.reader.list(cluster, 'Node'));
  const nodes = 'items' in read ? read.items : [];
  if (hosts && 'items' in read) {
    const missing = hosts.filter((h) => !nodes.some((n) => n.metadata?.name === h));
    if (missing.length > 0) throw new NotFoundError(`cluster ${cluster} has no host ${[...new Set(missing)].join(', ')}`);
  }
  const chosen = nodes.filter((n) => (hosts ? hosts.includes(n.metadata?.name ?? '') : selector!.matches(n.metadata?.labels ?? {})));
  return {
    kind: 'HOST_RESTART',
    requestedBy: ctx.principal.name,
    idempotencyKey: input.idempotencyKey ?? null,
    dryRun: input.dryRun ?? false,
    params: { kind: 'HOST_RESTART', maxUnavailable, timeoutSeconds },
    targets: 'error' in read ? unreadClusterTargets([read]) : hostTargets(cluster, chosen),
  };
}

