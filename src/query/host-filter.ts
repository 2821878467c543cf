// The contract's HostFilter and the order hosts are listed in, as pure functions over records.
import { parseUserSelector } from '../errors/index.js';
import type { HostRecord, HostStatus } from '../model/records.js';
import type { SortKey } from './paginate.js';

/** GraphQL hands absent lists over as null; an absent or null criterion matches every host. */
export interface HostFilter {
  clusters?: readonly string[] | null;
  names?: readonly string[] | null;
  status?: readonly HostStatus[] | null;
  /** Kubernetes label-selector text over the host's (node's) labels */
  labelSelector?: string | null;
}

/** Hosts by cluster, then name: the order of `hosts` and of its cursors. */
export const HOSTS_BY_CLUSTER_AND_NAME: SortKey<HostRecord> = {
  name: 'hosts:cluster,name',
  values: (host) => [host.cluster, host.name],
  directions: ['ASC', 'ASC'],
};

/**
 * A predicate passing hosts that meet every criterion of the filter. The selector is
 * parsed once, here, so a bad one fails the request before any cluster is asked.
 * @throws BadUserInputError for a labelSelector that does not parse.
 */
export function hostMatcher(filter: HostFilter | null | undefined): (host: HostRecord) => boolean {
  const { clusters, names, status, labelSelector } = filter ?? {};
  const selector = labelSelector ? parseUserSelector(labelSelector) : undefined;
  return (host) =>
    (!clusters || clusters.includes(host.cluster)) &&
    (!names || names.includes(host.name)) &&
    (!status || status.includes(host.status)) &&
    (!selector || selector.matches(host.labels));
}

