// Clusters registered through the API (source STORE): kept in the store, joined to the
// registry at start and whenever one is registered. The store is written first, so a
// cluster in the registry is always one a restart brings back.
import { BadUserInputError, ConflictError, ForbiddenError, NotFoundError } from '../errors/index.js';
import { type ClusterClient, clientFromCredentials } from '../kube/index.js';
import type { Logger } from '../logging/index.js';
import { CredentialsRefusedError } from '../store/errors.js';
import { DuplicateKeyError, type ClusterStore, type StoredCluster } from '../store/types.js';
import { type RegisterClusterInput, validateRegistration } from './registration-input.js';
import { checkClusterNameArgument } from '../validation/fleet-inputs.js';
import { ClusterNameTakenError, type MutableClusterRegistry, type RegisteredCluster } from '../fleet/index.js';

export interface ClusterRegistration {
  /**
   * Validates, stores and adds a cluster. Nothing is called on the cluster: an unreachable
   * one is registered and shows as UNREACHABLE.
   * @throws BadUserInputError for invalid input, and for a token the store will not keep (no
   *   FLEETGRAPH_SECRET_KEY with MongoDB); ConflictError when the name is taken, by a cluster of any source.
   */
  register(input: RegisterClusterInput, by: { principal: string }): Promise<RegisteredCluster>;
  /**
   * Removes a STORE cluster from the store, then from the registry.
   * @throws ForbiddenError for a KUBECONFIG or EMBEDDED cluster; NotFoundError when there is none of that name.
   */
  unregister(name: string): Promise<void>;
  /**
   * Adds every stored cluster to the registry, once, at start; one that cannot be added is logged and skipped.
   * @throws SecretKeyError when a stored token does not open with FLEETGRAPH_SECRET_KEY: the start stops, naming the cluster.
   */
  restore(): Promise<void>;
}

export interface ClusterRegistrationOptions {
  registry: MutableClusterRegistry;
  clusters: ClusterStore;
  logger: Logger;
  /** per-call limit of each registered cluster's client, ms. Default 5000. */
  timeoutMs?: number;
  now?: () => Date;
}

export function createClusterRegistration({ registry, clusters, logger, timeoutMs = 5000, now = () => new Date() }: ClusterRegistrationOptions): ClusterRegistration {
  const connect = (stored: StoredCluster): ClusterClient => clientFromCredentials({ ...stored, timeoutMs });

  return {
    async register(input, { principal }) {
      const request = validateRegistration(input);
      const taken = registry.get(request.name);
      if (taken) throw nameTaken(request.name, taken.source);
      const stored: StoredCluster = { ...request, registeredBy: principal, createdAt: now() };
      const client = buildClient(connect, stored);
      try {
        await clusters.insert(stored);
      } catch (err) {
        // Another request (or another gateway on the same store) registered the name meanwhile.
        if (err instanceof DuplicateKeyError) throw nameTaken(request.name, 'STORE');
        // No FLEETGRAPH_SECRET_KEY and a store others may read: the token is not kept.
        if (err instanceof CredentialsRefusedError) throw new BadUserInputError(`Invalid cluster registration: ${err.message}`);
        throw err;
      }
      try {
        return registry.add('STORE', { client, labels: stored.labels });
      } catch (err) {
        await clusters.remove(stored.name);
        if (err instanceof ClusterNameTakenError) throw nameTaken(err.cluster, err.takenBy);
        throw err;
      }
    },

    async unregister(name) {
      checkClusterNameArgument(name);
      const cluster = registry.get(name);
      if (cluster && cluster.source !== 'STORE') {
        throw new ForbiddenError(
          `Cluster "${name}" comes from ${cluster.source}, not from registerCluster; ` +
            (cluster.source === 'KUBECONFIG' ? 'remove its context from the kubeconfig instead' : 'the embedded fleet cannot be changed'),
        );
      }
      // A stored cluster left out of the registry at start (see restore) can still be removed.
      const removed = await clusters.remove(name);
      if (!cluster && !removed) throw new NotFoundError(`No cluster "${name}"`);
      registry.remove(name);
    },

    async restore() {
      for (const stored of await clusters.list()) {
        try {
          registry.add('STORE', { client: connect(stored), labels: stored.labels });
        } catch (err) {
          logger.warn({ err, cluster: stored.name }, 'a registered cluster was left out: its name is taken or its credentials are unusable');
        }
      }
    },
  };
}

function nameTaken(name: string, source: string): ConflictError {
  return new ConflictError(`Cluster "${name}" already exists (source ${source})`);
}

// Validation catches what it can; the kubeconfig loader may still refuse what it passed.
function buildClient(connect: (stored: StoredCluster) => ClusterClient, stored: StoredCluster): ClusterClient {
  try {
    return connect(stored);
  } catch (err) {
    throw new BadUserInputError(`Invalid cluster registration: ${err instanceof Error ? err.message : 'unusable credentials'}`);
  }
}
