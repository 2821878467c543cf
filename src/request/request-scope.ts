// What the inner code (src/query, src/upgrades, the operation planners) reads of one request:
// the principal's view of the fleet and where a cluster's failure goes. The server's
// GatewayContext extends this with the gateway-wide services that only resolvers need;
// inner code takes a Pick of this type, so it never depends on src/server.
import type { Principal } from '../auth/principal.js';
import type { ClusterErrors } from '../errors/cluster-errors.js';
import type { ClusterRegistry } from '../fleet/index.js';
import type { FleetReader } from '../loaders/index.js';

export interface RequestScope {
  /** The clusters the principal may see; the others are not there. */
  readonly registry: ClusterRegistry;
  /** This request's reads of the fleet: each (cluster, kind, namespace scope) listed at most once. */
  readonly reader: FleetReader;
  /** Clusters that failed part of this request; the server adds them to the response's errors. */
  readonly clusterErrors: ClusterErrors;
  /** Who is asking. Registry and reader above are already seen through its scope. */
  readonly principal: Principal;
}
