// THE table of who may call what: every root field of the schema (Query, Mutation,
// Subscription) has its entry here, and the gateway refuses to start when one has none
// (guard-schema.ts), so a new field cannot forget its check. test/auth/access-table.test.ts
// walks every root field with each role against this table.
//
// Reads need only a role: what they return is already limited to the caller's scope by the
// per-request views (src/views). Mutations also say what they would touch (`reach`, from their
// arguments); anything outside the caller's scope makes them FORBIDDEN before they run.
import { environmentNamespace, parseEnvironmentName } from '../model/environment.js';
import type { Role } from './principal.js';
import { ALL, NO_REACH, type Reach } from './scope.js';

type Args = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- GraphQL hands arguments over untyped

export interface ReadAccess {
  readonly role: Role;
  /** For a read that cannot be cut to a scope: what it shows, which the caller's scope must cover. */
  readonly reach?: (args: Args) => Reach;
}

export interface MutationAccess {
  readonly role: Role;
  /** What the mutation would change, from its (already coerced) arguments. */
  readonly reach: (args: Args) => Reach;
}

const VIEWER: ReadAccess = { role: 'VIEWER' };

export const QUERY_ACCESS: Readonly<Record<string, ReadAccess>> = {
  // Entries name clusters and namespaces only inside their arguments, so the log cannot be cut
  // to a scope: it is for ADMINs who may see the whole fleet.
  auditLog: { role: 'ADMIN', reach: () => ({ clusters: ALL, namespaces: ALL }) },
  cluster: VIEWER,
  clusters: VIEWER,
  environment: VIEWER,
  environments: VIEWER,
  hosts: VIEWER,
  me: VIEWER,
  node: VIEWER,
  operation: VIEWER,
  operations: VIEWER,
  summary: VIEWER,
  upgradeCandidates: VIEWER,
  workload: VIEWER,
  workloads: VIEWER,
};

export const SUBSCRIPTION_ACCESS: Readonly<Record<string, ReadAccess>> = {
  operationUpdated: VIEWER,
  resourceChanged: VIEWER,
  summaryChanged: VIEWER,
};

export const MUTATION_ACCESS: Readonly<Record<string, MutationAccess>> = {
  // OPERATOR: operations and direct changes to workloads and hosts.
  rolloutImage: { role: 'OPERATOR', reach: ({ input }) => listed(input.clusters, input.namespaces) },
  restartWorkloads: { role: 'OPERATOR', reach: ({ input }) => (input.workloads ? workloads(input.workloads) : filtered(input.filter ?? {})) },
  rollbackWorkload: { role: 'OPERATOR', reach: ({ input }) => workloads([input.workload]) },
  restartHosts: { role: 'OPERATOR', reach: ({ input }) => wholeCluster(input.cluster) },
  // The operation's own targets decide (src/views/operation-views.ts guards cancel with the operation's visibility).
  cancelOperation: { role: 'OPERATOR', reach: () => NO_REACH },
  scaleWorkload: { role: 'OPERATOR', reach: ({ input }) => workloads([input.workload]) },
  pauseWorkload: { role: 'OPERATOR', reach: ({ workload }) => workloads([workload]) },
  resumeWorkload: { role: 'OPERATOR', reach: ({ workload }) => workloads([workload]) },
  // A host runs pods of every namespace: changing one needs the whole cluster in scope.
  cordonHost: { role: 'OPERATOR', reach: ({ cluster }) => wholeCluster(cluster) },
  uncordonHost: { role: 'OPERATOR', reach: ({ cluster }) => wholeCluster(cluster) },
  // ADMIN: the fleet's shape.
  registerCluster: { role: 'ADMIN', reach: ({ input }) => wholeCluster(input.name) },
  unregisterCluster: { role: 'ADMIN', reach: ({ name }) => wholeCluster(name) },
  // Host names are claimed fleet-wide, so environments need every cluster in scope.
  createEnvironment: { role: 'ADMIN', reach: ({ input }) => environment(input.name) },
  updateEnvironment: { role: 'ADMIN', reach: ({ input }) => environment(input.name) },
  deleteEnvironment: { role: 'ADMIN', reach: ({ name }) => environment(name) },
  deployWorkload: { role: 'ADMIN', reach: ({ input }) => ({ clusters: [input.cluster], namespaces: environmentNamespaces(input.environment) }) },
  deleteWorkload: { role: 'ADMIN', reach: ({ workload }) => workloads([workload]) },
};

/**
 * The Apollo Federation fields a subgraph schema adds to Query (src/federation): served when the
 * gateway serves its subgraph schema, absent from the plain one. `_entities` reads objects as
 * `node(id:)` does, through the caller's views; `_service` shows the schema, as introspection does.
 */
export const FEDERATION_QUERY_ACCESS: Readonly<Record<string, ReadAccess>> = {
  _entities: VIEWER,
  _service: VIEWER,
};

/** The three tables by root type, for the guard and the tests. */
export const ROOT_ACCESS = { Query: QUERY_ACCESS, Mutation: MUTATION_ACCESS, Subscription: SUBSCRIPTION_ACCESS } as const;

/** Absent (null) lists of a filter reach everything. */
function listed(clusters: readonly string[] | null | undefined, namespaces: readonly string[] | null | undefined): Reach {
  return { clusters: clusters ?? ALL, namespaces: namespaces ?? ALL };
}

/** A WorkloadFilter: its namespaces, or else the namespaces of its environments, bound what it reaches. */
function filtered({ clusters, namespaces, environments }: { clusters?: string[] | null; namespaces?: string[] | null; environments?: string[] | null }): Reach {
  const ofEnvironments = environments?.map((name) => environmentNamespaces(name));
  const envNamespaces = ofEnvironments && !ofEnvironments.includes(ALL) ? (ofEnvironments as string[][]).flat() : undefined;
  return listed(clusters, namespaces ?? envNamespaces);
}

function workloads(refs: readonly { cluster: string; namespace: string }[]): Reach {
  return { clusters: refs.map((r) => r.cluster), namespaces: refs.map((r) => r.namespace) };
}

function wholeCluster(cluster: string): Reach {
  return { clusters: [cluster], namespaces: ALL };
}

function environment(name: string): Reach {
  return { clusters: ALL, namespaces: environmentNamespaces(name) };
}

/** A malformed name is refused by the mutation itself; until then it reaches everything. */
function environmentNamespaces(name: string): readonly string[] | typeof ALL {
  return parseEnvironmentName(name) ? [environmentNamespace(name)] : ALL;
}
