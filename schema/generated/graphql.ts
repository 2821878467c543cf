/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
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

export type ClustersQueryVariables = Exact<{
  filter?: ClusterFilter | null | undefined;
}>;


export type ClustersQuery = { clusters: Array<{ id: string, name: string, server: string, source: ClusterSource, status: ClusterStatus, version: string | null, error: string | null, labels: Array<{ key: string, value: string }>, hostCounts: { total: number, available: number, unavailable: number } }> };


export const ClustersDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Clusters"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ClusterFilter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"clusters"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"server"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"error"}},{"kind":"Field","name":{"kind":"Name","value":"labels"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}},{"kind":"Field","name":{"kind":"Name","value":"hostCounts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"available"}},{"kind":"Field","name":{"kind":"Name","value":"unavailable"}}]}}]}}]}}]} as unknown as DocumentNode<ClustersQuery, ClustersQueryVariables>;