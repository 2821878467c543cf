export {
  clusterId,
  createClusterRegistry,
  ClusterNameTakenError,
  type ClusterRegistry,
  type MutableClusterRegistry,
  type ClusterRegistryOptions,
  type ClusterSourceInput,
  type ClusterSourceKind,
  type Labels,
  type RegisteredCluster,
} from './registry.js';
export {
  countHosts,
  healthFrom,
  isNodeReady,
  reachableStatus,
  type ClusterHealth,
  type ClusterStatusKind,
  type HostCounts,
  type ReachableStatus,
} from './health.js';
export { filterClusters, type ClusterFilter } from './cluster-filter.js';
export { createLimiter, type Limiter } from './limit.js';
export { embeddedSource, kubeconfigFileSource, type SourceOptions } from './sources.js';
export { requireCluster, resolveClusterNames, resolveClusters, type ClusterNames } from './cluster-names.js';
export { answered, everyAnswer, failures, fanOut, readCluster, type ClusterAnswer, type ClusterResult } from './fan-out.js';
