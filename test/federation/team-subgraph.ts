// The team subgraph the federation tests compose with fleetgraph: teams own clusters and add a
// monthly cost to workloads from fleetgraph's replica count (@requires). Each test adds its own
// Team and Query types; the workload part, which must match fleetgraph's key, is written once.

/** federation v2 `@link` importing the directives a team subgraph uses. */
export const linkFederation = (...directives: string[]) =>
  `extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: [${directives.map((d) => `"@${d}"`).join(', ')}])`;

/** Workload by fleetgraph's key, with a cost derived from its replicas. */
export const WORKLOAD_COST = `enum WorkloadKind { DAEMONSET DEPLOYMENT STATEFULSET }
type Workload @key(fields: "cluster { name } namespace kind name") {
  cluster: Cluster! namespace: String! kind: WorkloadKind! name: String!
  replicas: Int! @external
  monthlyCost: Float! @requires(fields: "replicas")
}`;

/** The cost resolver every test's team subgraph uses: ten per replica. */
export const monthlyCost = ({ replicas }: { replicas: number }) => replicas * 10;
