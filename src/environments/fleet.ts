// What a change to an environment is checked against: every namespace of every cluster, read
// fresh from the clusters (not the request's cached reader, whose lists may predate an
// earlier mutation of the same request). A cluster that fails is kept as data, for each
// mutation to decide whether it can go on without it.
import { everyAnswer, failures, fanOut, type ClusterResult } from '../fleet/fan-out.js';
import type { RegisteredCluster } from '../fleet/index.js';
import type { KubeCallError } from '../kube/index.js';
import { groupEnvironments } from '../model/environment.js';
import { toNamespaceRecord } from '../model/namespace.js';
import type { EnvironmentRecord, NamespaceRecord } from '../model/records.js';

export interface FleetNamespaces {
  /** every namespace of the clusters that answered */
  readonly namespaces: readonly NamespaceRecord[];
  /** the clusters that did not, in registry order */
  readonly failed: readonly KubeCallError[];
  /** each cluster's namespaces or its failure, in registry order */
  readonly results: readonly ClusterResult<NamespaceRecord[]>[];
  /** the environments those namespaces back, sorted by name */
  readonly environments: readonly EnvironmentRecord[];
}

export async function readFleetNamespaces(clusters: readonly RegisteredCluster[]): Promise<FleetNamespaces> {
  const results = await fanOut(clusters, async ({ name, client }) => (await client.list('Namespace')).items.map((ns) => toNamespaceRecord(name, ns)));
  const namespaces = results.flatMap((result) => ('items' in result ? result.items : []));
  return { namespaces, failed: failures(results), results, environments: groupEnvironments(namespaces) };
}

/**
 * @throws ClusterUnavailableError for the first cluster that did not answer: for checks that
 * are only sound over the whole fleet (host-name ownership, where an environment lives).
 */
export function requireWholeFleet(fleet: FleetNamespaces): void {
  everyAnswer(fleet.results);
}

/**
 * The environment that these namespaces back under that name. For namespaces this module
 * just wrote as that environment's, so its absence is a bug, not a client's mistake.
 */
export function environmentFrom(namespaces: readonly NamespaceRecord[], name: string): EnvironmentRecord {
  const found = groupEnvironments(namespaces).find((env) => env.name === name);
  if (!found) throw new Error(`the namespaces written for environment ${name} do not back it`);
  return found;
}

export interface HeldHost {
  host: string;
  /** the environment holding it */
  environment: string;
}

/** The hosts that an environment other than `self` already holds (exact match), in the order given. */
export function hostsHeldElsewhere(hosts: readonly string[], environments: readonly EnvironmentRecord[], self: string): HeldHost[] {
  const owner = new Map<string, string>();
  for (const env of environments) {
    if (env.name === self) continue;
    // Host names written by other tools may not be lower-cased; they are compared as ours are.
    for (const host of env.hostNames.map((h) => h.toLowerCase())) if (!owner.has(host)) owner.set(host, env.name);
  }
  return hosts.flatMap((host) => {
    const environment = owner.get(host);
    return environment === undefined ? [] : [{ host, environment }];
  });
}

/**
 * For host-name claims: whether the clusters, read now, show the claim's environment without
 * the name — the claim is then stale (the environment was deleted, or its names changed, by
 * another tool). A cluster that cannot be read may hold it: then the claim stands.
 */
export function clustersLackClaim(clusters: () => readonly RegisteredCluster[]): (claim: { host: string; environment: string }) => Promise<boolean> {
  return async ({ host, environment }) => {
    const fleet = await readFleetNamespaces(clusters());
    if (fleet.failed.length > 0) return false;
    const holder = fleet.environments.find((env) => env.name === environment);
    return !holder?.hostNames.some((h) => h.toLowerCase() === host);
  };
}
