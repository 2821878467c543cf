// createEnvironment: in each listed cluster, the namespace `org-env` labelled as an
// environment, and its routing secret. Everything is checked before anything is created;
// a cluster failing part-way has what this call created removed again.
import { ClusterUnavailableError, ConflictError, type ClusterErrors } from '../errors/index.js';
import { resolveClusters } from '../fleet/cluster-names.js';
import type { ClusterRegistry, RegisteredCluster } from '../fleet/index.js';
import { toNamespaceRecord } from '../model/namespace.js';
import type { EnvironmentRecord, NamespaceRecord } from '../model/records.js';
import { gatewayErrorOf } from '../mutations/kube-errors.js';
import type { HostNameStore } from '../store/index.js';
import { claimHostNames, writeClaimed } from './claims.js';
import { refuseHeldHosts } from './conflicts.js';
import { type FleetNamespaces, clustersLackClaim, environmentFrom, hostsHeldElsewhere, readFleetNamespaces, requireWholeFleet } from './fleet.js';
import { normalizeHostNames } from '../validation/host-names.js';
import { type RandomBytes, environmentNamespaceManifest, routingSecretManifest } from './manifests.js';
import { type EnvironmentTarget, environmentTarget } from '../validation/environment-names.js';
import { checkCreateEnvironment } from '../validation/index.js';

export interface CreateEnvironmentInput {
  name: string;
  clusters: readonly string[];
  /** absent: the host names the environment already has in other clusters, else none */
  hostNames?: readonly string[] | null;
}

export interface EnvironmentWriteContext {
  registry: ClusterRegistry;
  /** clusters that could not be read for the answer (not for a check) are reported here */
  clusterErrors: ClusterErrors;
  /** where host-name claims are made (src/environments/claims.ts) */
  store: { readonly hostNames: HostNameStore };
  /** where the routing keys' randomness comes from; default node:crypto's randomBytes */
  random?: RandomBytes;
}

/**
 * The environment as it is afterwards, in every cluster that holds it (the new ones and any it
 * already had elsewhere: creating an existing environment in new clusters extends it).
 * @throws BadUserInputError (name, hostNames, no clusters or an unknown one),
 * ConflictError (it exists in a listed cluster, a namespace of its name does, or a host name
 * belongs to another environment: in the clusters, or by a claim in the store), ClusterUnavailableError.
 */
export async function createEnvironment(ctx: EnvironmentWriteContext, input: CreateEnvironmentInput): Promise<EnvironmentRecord> {
  checkCreateEnvironment(input);
  const target = environmentTarget(input.name, 'input.name');
  const given = input.hostNames ? normalizeHostNames(input.hostNames, 'input.hostNames') : null;
  const clusters = resolveClusters({ known: ctx.registry.list(), names: input.clusters, field: 'input.clusters', order: 'given' });
  const fleet = await readFleetNamespaces(ctx.registry.list());
  const listed = new Set(clusters.map((c) => c.name));
  const listedFailure = fleet.failed.find((err) => listed.has(err.cluster));
  if (listedFailure) throw ClusterUnavailableError.from(listedFailure);
  refuseExisting(target, listed, fleet);
  const hostNames = given ?? fleet.environments.find((env) => env.name === target.name)?.hostNames ?? [];
  if (hostNames.length > 0) {
    requireWholeFleet(fleet);
    refuseHeldHosts('hostNames', hostsHeldElsewhere(hostNames, fleet.environments, target.name));
  } else {
    fleet.failed.forEach((err) => ctx.clusterErrors.report(err));
  }
  const grant = await claimHostNames({ claims: ctx.store.hostNames, environment: target.name, hosts: hostNames, holderLacks: clustersLackClaim(() => ctx.registry.list()) });
  const created = await writeClaimed(grant, () => createInEach(clusters, target, hostNames, ctx.random));
  const elsewhere = fleet.namespaces.filter((ns) => ns.name === target.namespace && !listed.has(ns.cluster));
  return environmentFrom([...elsewhere, ...created], target.name);
}

function refuseExisting(target: EnvironmentTarget, listed: ReadonlySet<string>, fleet: FleetNamespaces): void {
  const taken = fleet.namespaces.filter((ns) => ns.name === target.namespace && listed.has(ns.cluster));
  if (taken.length === 0) return;
  const asEnvironment = taken.filter((ns) => ns.environment === target.name).map((ns) => ns.cluster);
  if (asEnvironment.length > 0) throw new ConflictError(`name: environment ${target.name} already exists in ${clusterList(asEnvironment)}`);
  throw new ConflictError(`name: namespace ${target.namespace} already exists in ${clusterList(taken.map((ns) => ns.cluster))} and is not environment ${target.name}`);
}

async function createInEach(clusters: readonly RegisteredCluster[], target: EnvironmentTarget, hostNames: readonly string[], random?: RandomBytes): Promise<NamespaceRecord[]> {
  const madeIn: RegisteredCluster[] = [];
  const settled = await Promise.allSettled(
    clusters.map(async (cluster) => {
      const ns = await cluster.client.create('Namespace', environmentNamespaceManifest(target, hostNames));
      madeIn.push(cluster);
      await cluster.client.create('Secret', routingSecretManifest(target.namespace, random), { namespace: target.namespace });
      return toNamespaceRecord(cluster.name, ns);
    }),
  );
  const failure = settled.find((result) => result.status === 'rejected');
  if (!failure) return settled.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
  // Best effort: a cluster that failed the create may fail the delete too; its error is the one reported.
  await Promise.allSettled(madeIn.map(({ client }) => client.delete('Namespace', target.namespace)));
  throw gatewayErrorOf(failure.reason, {
    conflict: () => new ConflictError(`name: ${target.namespace} was created by someone else while this call created it; nothing was created`),
  });
}

function clusterList(names: readonly string[]): string {
  return `${names.length === 1 ? 'cluster' : 'clusters'} ${names.join(', ')}`;
}
