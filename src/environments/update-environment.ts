// updateEnvironment and deleteEnvironment: changes to an environment wherever it lives. Where
// it lives, and which host names other environments hold, is only known from the whole fleet,
// so a cluster that cannot be read stops the change before anything is written.
import { NotFoundError } from '../errors/index.js';
import type { ClusterRegistry } from '../fleet/index.js';
import { HOST_NAMES_ANNOTATION } from '../model/environment-labels.js';
import { toNamespaceRecord } from '../model/namespace.js';
import type { EnvironmentRecord } from '../model/records.js';
import { requireCluster } from '../fleet/cluster-names.js';
import { kubeCall } from '../mutations/kube-errors.js';
import type { HostNameStore } from '../store/index.js';
import { claimHostNames, releaseHostNames, writeClaimed } from './claims.js';
import { refuseHeldHosts } from './conflicts.js';
import { clustersLackClaim, environmentFrom, hostsHeldElsewhere, readFleetNamespaces, requireWholeFleet } from './fleet.js';
import { normalizeHostNames } from '../validation/host-names.js';
import { hostNamesAnnotation } from './manifests.js';
import { type EnvironmentTarget, environmentTarget } from '../validation/environment-names.js';
import { checkEnvironmentNameArgument, checkUpdateEnvironment } from '../validation/index.js';

export interface EnvironmentChangeContext {
  registry: ClusterRegistry;
  /** where host-name claims are made and released (src/environments/claims.ts) */
  store: { readonly hostNames: HostNameStore };
}

export interface UpdateEnvironmentInput {
  name: string;
  hostNames: readonly string[];
}

/**
 * Replaces the host names in every cluster holding the environment; answers it as it is afterwards.
 * New names are claimed first (claims.ts); names it no longer has are released once every
 * cluster is written. A cluster failing part-way leaves the others changed and gives the new
 * claims back: the same call again finishes the job.
 * @throws BadUserInputError, NotFoundError, ConflictError (a host name of another environment), ClusterUnavailableError
 */
export async function updateEnvironment({ registry, store }: EnvironmentChangeContext, input: UpdateEnvironmentInput): Promise<EnvironmentRecord> {
  checkUpdateEnvironment(input);
  const target = environmentTarget(input.name, 'input.name');
  const hostNames = normalizeHostNames(input.hostNames, 'input.hostNames');
  const { environment, environments } = await locate(registry, target);
  refuseHeldHosts('hostNames', hostsHeldElsewhere(hostNames, environments, target.name));
  const grant = await claimHostNames({ claims: store.hostNames, environment: target.name, hosts: hostNames, holderLacks: clustersLackClaim(() => registry.list()) });
  const body = { metadata: { annotations: { [HOST_NAMES_ANNOTATION]: hostNamesAnnotation(hostNames) } } };
  const patched = await writeClaimed(grant, () =>
    Promise.all(
      environment.clusters.map(async (name) => {
        const { client } = requireCluster(registry, name);
        const ns = await kubeCall(() => client.patch('Namespace', target.namespace, body, { strategy: 'merge' }), { notFound: () => notFound(target) });
        return toNamespaceRecord(name, ns);
      }),
    ),
  );
  await releaseHostNames(store.hostNames, target.name, hostNames);
  return environmentFrom(patched, target.name);
}

/**
 * Deletes the environment's namespace, and so everything in it, in every cluster holding it,
 * then releases its host names.
 * A name that is no environment is NOT_FOUND rather than false: the contract's Boolean! has no
 * room for why, and a caller deleting the wrong name should hear of it.
 * @throws BadUserInputError, NotFoundError, ClusterUnavailableError
 */
export async function deleteEnvironment({ registry, store }: EnvironmentChangeContext, name: string): Promise<true> {
  checkEnvironmentNameArgument(name);
  const target = environmentTarget(name);
  const { environment } = await locate(registry, target);
  await Promise.all(
    environment.clusters.map(async (cluster) => {
      const { client } = requireCluster(registry, cluster);
      // Someone deleting it meanwhile is no failure: it is gone either way.
      await kubeCall(() => client.delete('Namespace', target.namespace, { propagationPolicy: 'Background' }));
    }),
  );
  // Only once gone from every cluster: until then the names are still served there.
  await releaseHostNames(store.hostNames, target.name);
  return true;
}

async function locate(registry: ClusterRegistry, target: EnvironmentTarget): Promise<{ environment: EnvironmentRecord; environments: readonly EnvironmentRecord[] }> {
  const fleet = await readFleetNamespaces(registry.list());
  requireWholeFleet(fleet);
  const environment = fleet.environments.find((env) => env.name === target.name);
  if (!environment) throw notFound(target);
  return { environment, environments: fleet.environments };
}

function notFound(target: EnvironmentTarget): NotFoundError {
  return new NotFoundError(`name: no environment named ${target.name}`);
}
