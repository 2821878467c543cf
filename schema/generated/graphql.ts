/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
export type AuditLogFilter = {
  /** exactly this mutation's name, e.g. deployWorkload */
  action?: string | null | undefined;
  /** exactly this principal's name */
  principal?: string | null | undefined;
  /** attempted at or after this time */
  since?: string | null | undefined;
};

export type AuditOutcome =
  | 'FAILED'
  /** attempted; no outcome recorded yet: still running, or the gateway stopped (or could not write) before it could */
  | 'PENDING'
  | 'SUCCEEDED';

export type ClusterFilter = {
  /** Kubernetes label-selector syntax over the cluster's labels */
  labelSelector?: string | null | undefined;
  names?: Array<string> | null | undefined;
  status?: Array<ClusterStatus> | null | undefined;
};

export type ClusterSource =
  /** a simulated cluster of the embedded default fleet */
  | 'EMBEDDED'
  /** read from a kubeconfig context; read-only through the API */
  | 'KUBECONFIG'
  /** registered through the API and kept in the store */
  | 'STORE';

export type ClusterStatus =
  /** API reachable, some hosts not ready */
  | 'DEGRADED'
  /** API reachable, no host ready */
  | 'FAILED'
  /** API reachable and every host ready */
  | 'OK'
  /** API not reachable */
  | 'UNREACHABLE';

export type EnvironmentFilter = {
  clusters?: Array<string> | null | undefined;
  names?: Array<string> | null | undefined;
};

export type HostFilter = {
  clusters?: Array<string> | null | undefined;
  labelSelector?: string | null | undefined;
  names?: Array<string> | null | undefined;
  status?: Array<HostStatus> | null | undefined;
};

export type HostStatus =
  /** Ready and schedulable */
  | 'ACTIVE'
  /** Ready but cordoned */
  | 'CORDONED'
  /** the kubelet reports NotReady */
  | 'NOT_READY'
  /** drained and being restarted by an operation */
  | 'RESTARTING'
  /** the node stopped reporting (Ready condition Unknown) */
  | 'UNKNOWN';

export type ImageDiff =
  | 'EQUAL'
  | 'ERROR'
  | 'OBSOLETE'
  | 'UPGRADE';

export type ImageField =
  | 'BRANCH'
  | 'BUILD'
  | 'COMMIT'
  | 'FULL_VERSION'
  | 'IMAGE_NAME'
  | 'IMAGE_OWNER'
  | 'OWNER'
  | 'REPO'
  | 'VERSION';

export type SortDirection =
  | 'ASC'
  | 'DESC';

export type WorkloadFilter = {
  clusters?: Array<string> | null | undefined;
  environments?: Array<string> | null | undefined;
  /** substring of any container image reference (registry, owner, name or tag) */
  image?: string | null | undefined;
  kinds?: Array<WorkloadKind> | null | undefined;
  labelSelector?: string | null | undefined;
  /** substring of the workload name */
  name?: string | null | undefined;
  namespaces?: Array<string> | null | undefined;
  status?: Array<WorkloadStatus> | null | undefined;
};

export type WorkloadKind =
  | 'DAEMONSET'
  | 'DEPLOYMENT'
  | 'STATEFULSET';

export type WorkloadSort = {
  direction?: SortDirection | null | undefined;
  field: WorkloadSortField;
};

export type WorkloadSortField =
  | 'CLUSTER'
  | 'CREATED_AT'
  | 'KIND'
  | 'NAME'
  | 'NAMESPACE'
  | 'STATUS';

export type WorkloadStatus =
  /** every desired replica updated and available */
  | 'AVAILABLE'
  /** fewer replicas available than desired and not progressing */
  | 'DEGRADED'
  /** the rollout exceeded its progress deadline */
  | 'FAILED'
  /** the rollout is paused */
  | 'PAUSED'
  /** a rollout is under way */
  | 'PROGRESSING'
  /** zero replicas desired */
  | 'SCALED_DOWN';

export type AuditLogQueryVariables = Exact<{
  filter?: AuditLogFilter | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type AuditLogQuery = { auditLog: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, nodes: Array<{ id: string, at: string, finishedAt: string | null, principal: string, action: string, args: Record<string, unknown>, outcome: AuditOutcome, code: string | null, message: string | null, operationId: string | null }> } };

export type ClustersQueryVariables = Exact<{
  filter?: ClusterFilter | null | undefined;
}>;


export type ClustersQuery = { clusters: Array<{ id: string, name: string, server: string, source: ClusterSource, status: ClusterStatus, version: string | null, error: string | null, labels: Array<{ key: string, value: string }>, hostCounts: { total: number, available: number, unavailable: number } }> };

export type EnvironmentsQueryVariables = Exact<{
  filter?: EnvironmentFilter | null | undefined;
}>;


export type EnvironmentsQuery = { environments: Array<{ id: string, name: string, namespace: string, hostNames: Array<string>, clusters: Array<{ name: string }> }> };

export type HostsQueryVariables = Exact<{
  filter?: HostFilter | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type HostsQuery = { hosts: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, nodes: Array<{ id: string, name: string, status: HostStatus, roles: Array<string>, kubeletVersion: string | null, podCount: number, cluster: { name: string } }> } };

export type UpgradeCandidatesQueryVariables = Exact<{
  image: string;
  filter?: Array<ImageField> | ImageField | null | undefined;
  clusters?: Array<string> | string | null | undefined;
  namespaces?: Array<string> | string | null | undefined;
}>;


export type UpgradeCandidatesQuery = { upgradeCandidates: Array<{ failed: boolean, message: string | null, cluster: { name: string }, upgrade: Array<{ container: string, image: string, diff: ImageDiff, comparedTo: string, reason: string | null, workload: { id: string, namespace: string, name: string } }>, obsolete: Array<{ container: string, image: string, diff: ImageDiff, comparedTo: string, reason: string | null, workload: { id: string, namespace: string, name: string } }>, equal: Array<{ container: string, image: string, diff: ImageDiff, comparedTo: string, reason: string | null, workload: { id: string, namespace: string, name: string } }>, error: Array<{ container: string, image: string, diff: ImageDiff, comparedTo: string, reason: string | null, workload: { id: string, namespace: string, name: string } }> }> };

export type ComparisonFragment = { container: string, image: string, diff: ImageDiff, comparedTo: string, reason: string | null, workload: { id: string, namespace: string, name: string } };

export type WorkloadsQueryVariables = Exact<{
  filter?: WorkloadFilter | null | undefined;
  sort?: Array<WorkloadSort> | WorkloadSort | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type WorkloadsQuery = { workloads: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, nodes: Array<{ id: string, kind: WorkloadKind, namespace: string, name: string, status: WorkloadStatus, replicas: number, readyReplicas: number, cluster: { name: string }, containers: Array<{ name: string, image: string, imageRef: { version: string | null, build: string | null, commit: string | null } }> }> } };

export const ComparisonFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"Comparison"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ImageComparison"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"workload"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"namespace"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"container"}},{"kind":"Field","name":{"kind":"Name","value":"image"}},{"kind":"Field","name":{"kind":"Name","value":"diff"}},{"kind":"Field","name":{"kind":"Name","value":"comparedTo"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}}]}}]} as unknown as DocumentNode<ComparisonFragment, unknown>;
export const AuditLogDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AuditLog"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"AuditLogFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"auditLog"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"finishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"principal"}},{"kind":"Field","name":{"kind":"Name","value":"action"}},{"kind":"Field","name":{"kind":"Name","value":"args"}},{"kind":"Field","name":{"kind":"Name","value":"outcome"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"operationId"}}]}}]}}]}}]} as unknown as DocumentNode<AuditLogQuery, AuditLogQueryVariables>;
export const ClustersDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Clusters"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ClusterFilter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"clusters"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"server"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"error"}},{"kind":"Field","name":{"kind":"Name","value":"labels"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}},{"kind":"Field","name":{"kind":"Name","value":"hostCounts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"available"}},{"kind":"Field","name":{"kind":"Name","value":"unavailable"}}]}}]}}]}}]} as unknown as DocumentNode<ClustersQuery, ClustersQueryVariables>;
export const EnvironmentsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Environments"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"EnvironmentFilter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"environments"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"namespace"}},{"kind":"Field","name":{"kind":"Name","value":"hostNames"}},{"kind":"Field","name":{"kind":"Name","value":"clusters"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<EnvironmentsQuery, EnvironmentsQueryVariables>;
export const HostsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Hosts"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"HostFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hosts"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"cluster"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"roles"}},{"kind":"Field","name":{"kind":"Name","value":"kubeletVersion"}},{"kind":"Field","name":{"kind":"Name","value":"podCount"}}]}}]}}]}}]} as unknown as DocumentNode<HostsQuery, HostsQueryVariables>;
export const UpgradeCandidatesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"UpgradeCandidates"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"image"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ImageField"}}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"clusters"}},"type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"namespaces"}},"type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"upgradeCandidates"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"image"},"value":{"kind":"Variable","name":{"kind":"Name","value":"image"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"clusters"},"value":{"kind":"Variable","name":{"kind":"Name","value":"clusters"}}},{"kind":"Argument","name":{"kind":"Name","value":"namespaces"},"value":{"kind":"Variable","name":{"kind":"Name","value":"namespaces"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cluster"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"failed"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"upgrade"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"Comparison"}}]}},{"kind":"Field","name":{"kind":"Name","value":"obsolete"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"Comparison"}}]}},{"kind":"Field","name":{"kind":"Name","value":"equal"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"Comparison"}}]}},{"kind":"Field","name":{"kind":"Name","value":"error"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"Comparison"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"Comparison"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ImageComparison"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"workload"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"namespace"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"container"}},{"kind":"Field","name":{"kind":"Name","value":"image"}},{"kind":"Field","name":{"kind":"Name","value":"diff"}},{"kind":"Field","name":{"kind":"Name","value":"comparedTo"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}}]}}]} as unknown as DocumentNode<UpgradeCandidatesQuery, UpgradeCandidatesQueryVariables>;
export const WorkloadsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Workloads"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"WorkloadFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"sort"}},"type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"WorkloadSort"}}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"workloads"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"sort"},"value":{"kind":"Variable","name":{"kind":"Name","value":"sort"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"cluster"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"namespace"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"replicas"}},{"kind":"Field","name":{"kind":"Name","value":"readyReplicas"}},{"kind":"Field","name":{"kind":"Name","value":"containers"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"image"}},{"kind":"Field","name":{"kind":"Name","value":"imageRef"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"build"}},{"kind":"Field","name":{"kind":"Name","value":"commit"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<WorkloadsQuery, WorkloadsQueryVariables>;