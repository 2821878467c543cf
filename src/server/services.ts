// Every service of a gateway, built in one place from its config: the store, the clusters and
// their registry, registered clusters, the watch engine and its sinks, the operations engine,
// and the metrics every one of them counts into.
// main (through startFleetgraph), the tests' gateway helper and the benchmarks all start these
// here; tests swap a piece through `overrides` rather than building their own wiring.
import type { Config } from '../config/index.js';
import { createListCache, createWriteLog, recordingWrites, type ListCache } from '../cache/index.js';
import { createWatchEngine, type WatchEngine, type WatchEngineOptions } from '../events/index.js';
import { createClusterRegistry, embeddedSource, inClusterSource, kubeconfigFileSource, type ClusterSourceInput, type MutableClusterRegistry } from '../fleet/index.js';
import type { KubeCallObserver } from '../kube/index.js';
import type { Logger } from '../logging/index.js';
import { createMetrics, type GatewayMetrics } from '../metrics/index.js';
import { createOperationEvents, type OperationEvents } from '../operations/events.js';
import { startOperationRunner, type OperationReader, type OperationRunner, type OperationRunnerOptions } from '../operations/index.js';
import { logOperationSteps } from '../operations/step-log.js';
import { createStoreOperationReader } from '../operations/store-reader.js';
import { createClusterRegistration, type ClusterRegistration } from '../registration/index.js';
import { startSimFleet } from '../sim/fleet.js';
import { startSinks } from '../sinks/index.js';
import { openStore, type GatewayStore } from '../store/index.js';

/** The config's part the services read. */
export type ServicesConfig = Partial<
  Pick<
    Config,
    | 'dataDir'
    | 'mongodbUri'
    | 'secretKey'
    | 'kubeconfig'
    | 'inCluster'
    | 'contexts'
    | 'simClusters'
    | 'simSpeed'
    | 'clusterTimeoutMs'
    | 'sinks'
    | 'operationLeaseSeconds'
    | 'idempotencyKeyTtlSeconds'
    | 'cacheIdleSeconds'
  >
>;

/** What tests and benchmarks put in place of what the config would build. Each is optional. */
export interface ServiceOverrides {
  /** A store already open, left open by stop(). Default: the one the config names (DATA_DIR or MONGODB_URI), closed by stop(). */
  store?: GatewayStore;
  /** The clusters. Default: KUBECONFIG's, or an embedded simulated fleet of SIM_CLUSTERS clusters stopped by stop(). */
  clusters?: ClusterSourceInput;
  /** The watch engine's options; default the engine's own defaults. */
  watch?: Omit<WatchEngineOptions, 'registry' | 'logger'>;
  /** The operation runner's options over those from the config (lease, idempotency key lifetime). */
  runner?: Partial<Omit<OperationRunnerOptions, 'store' | 'registry' | 'events' | 'logger'>>;
  /** Where operation queries read. Default: the store's operations. */
  operations?: OperationReader;
  /** What every part counts into, served on /metrics. Default: a registry of its own without process metrics. */
  metrics?: GatewayMetrics;
}

export interface ServicesOptions {
  config: ServicesConfig;
  logger: Logger;
  overrides?: ServiceOverrides;
}

/** The services one gateway shares between all its requests. */
export interface GatewayServices {
  /** What the gateway keeps: registered clusters, operations, audit. */
  readonly store: GatewayStore;
  /** Every cluster of the fleet, stored ones included once started. */
  readonly registry: MutableClusterRegistry;
  /** registerCluster / unregisterCluster over `registry` and the store. */
  readonly clusterRegistration: ClusterRegistration;
  /** Live changes to the fleet's resources (resourceChanged, sinks). */
  readonly resourceEvents: WatchEngine;
  /** Reads served from the engine's live copies; queries read through it (src/cache). */
  readonly cache: ListCache;
  /** Every operation's state changes: the runner publishes, operationUpdated listens. */
  readonly operationEvents: OperationEvents;
  /** Runs long-running operations in the background. */
  readonly operationRunner: OperationRunner;
  /** Where operation queries read. */
  readonly operations: OperationReader;
  /** Kube calls, GraphQL operations, watches, sinks and fleet operations, counted for /metrics. */
  readonly metrics: GatewayMetrics;
  /**
   * Stops what was started, in reverse order: runner, sinks, watch engine, the embedded fleet,
   * then the store. keepLeases stops the runner as a crash would: its leases stay until they expire.
   */
  stop(options?: { keepLeases?: boolean }): Promise<void>;
}

type Stop = () => Promise<void>;

/**
 * Starts the services in the order they depend on each other: store, clusters, registry with
 * the stored clusters restored (before anything reads it), watch engine, sinks, operation runner.
 * A failure part-way stops whatever had started before rethrowing.
 */
export async function startServices({ config, logger, overrides = {} }: ServicesOptions): Promise<GatewayServices> {
  const stops: Stop[] = [];
  let keepLeases = false;
  const stopAll = async () => {
    for (const stop of stops.splice(0).reverse()) await stop();
  };
  try {
    const metrics = overrides.metrics ?? createMetrics({ processMetrics: false });
    const observe: KubeCallObserver = (sample) => metrics.kubeCall(sample);
    // First opened, last closed: everything after may read or write it until it stops.
    const store = overrides.store ?? (await openStore({ mongodbUri: config.mongodbUri, dataDir: config.dataDir, secretKey: config.secretKey, logger }));
    if (!overrides.store) stops.push(() => store.close());
    const clusters = overrides.clusters ? { inputs: [overrides.clusters] } : await startClusterSource(config, logger, observe);
    if (clusters.stop) stops.push(clusters.stop);
    // Every write the gateway makes is remembered until the read cache has seen it.
    const writes = createWriteLog();
    const registry = createClusterRegistry({ sources: clusters.inputs, wrapClient: (client) => recordingWrites(client, writes) });
    // Clusters registered through the API join before anything reads the registry.
    const clusterRegistration = createClusterRegistration({ registry, clusters: store.clusters, logger, timeoutMs: config.clusterTimeoutMs, observe });
    await clusterRegistration.restore();
    const resourceEvents = createWatchEngine({ registry, logger, ...overrides.watch });
    stops.push(() => resourceEvents.stop());
    const idleMs = config.cacheIdleSeconds === undefined ? undefined : config.cacheIdleSeconds * 1000;
    const cache = createListCache({ engine: resourceEvents, writes, idleMs });
    stops.push(async () => cache.stop());
    if (config.sinks?.length) {
      // Stopped before the engine: each sink unsubscribes, then sends what waits.
      const sinks = startSinks({ sinks: config.sinks, engine: resourceEvents, clusters: registry.list().map((c) => c.name), logger });
      stops.push(() => sinks.stop());
      metrics.watch({ sinks: () => sinks.stats() });
    }
    // After the store, stopped before it closes: a stopped runner leaves operations to resume.
    const operationEvents = createOperationEvents();
    const stopStepLog = logOperationSteps(operationEvents, logger.child({ component: 'operations' }));
    stops.push(async () => stopStepLog());
    const operationRunner = await startOperationRunner({
      store,
      registry,
      events: operationEvents,
      logger,
      leaseMs: config.operationLeaseSeconds === undefined ? undefined : config.operationLeaseSeconds * 1000,
      idempotencyKeyTtlMs: config.idempotencyKeyTtlSeconds === undefined ? undefined : config.idempotencyKeyTtlSeconds * 1000,
      ...overrides.runner,
    });
    stops.push(() => operationRunner.stop({ keepLeases }));
    const operations = overrides.operations ?? createStoreOperationReader({ operations: store.operations });
    return {
      store,
      registry,
      clusterRegistration,
      resourceEvents,
      cache,
      operationEvents,
      operationRunner,
      operations,
      metrics,
      stop: (options = {}) => {
        keepLeases = options.keepLeases ?? false;
        return stopAll();
      },
    };
  } catch (err) {
    await stopAll();
    throw err;
  }
}

/**
 * The cluster the gateway runs in (inside a pod) and KUBECONFIG's clusters, together; the
 * embedded simulated fleet only when neither is configured. The log says which.
 */
async function startClusterSource(config: ServicesConfig, logger: Logger, observe: KubeCallObserver): Promise<{ inputs: ClusterSourceInput[]; stop?: Stop }> {
  const timeoutMs = config.clusterTimeoutMs;
  const inputs: ClusterSourceInput[] = [];
  if (config.inCluster) {
    const input = inClusterSource(config.inCluster.name, { timeoutMs, observe, pathPrefix: config.inCluster.pathPrefix });
    inputs.push(input);
    logger.info({ source: 'in-cluster', cluster: config.inCluster.name, server: input.clusters[0]?.client.server }, 'clusters: the one this pod runs in (KUBERNETES_SERVICE_HOST)');
  }
  if (config.kubeconfig) {
    const input = kubeconfigFileSource(config.kubeconfig, { contexts: config.contexts, timeoutMs, observe });
    inputs.push(input);
    logger.info({ source: 'kubeconfig', files: config.kubeconfig, clusters: input.clusters.map(({ client }) => client.name) }, 'clusters: the contexts of KUBECONFIG');
  }
  if (inputs.length > 0) return { inputs };
  const fleet = await startSimFleet({ clusters: config.simClusters, speed: config.simSpeed });
  logger.info({ source: 'embedded', clusters: fleet.clusters.map(({ name, url }) => ({ name, url })) }, 'clusters: an embedded simulated fleet (neither KUBECONFIG nor KUBERNETES_SERVICE_HOST is set)');
  try {
    return { inputs: [embeddedSource(fleet.kubeconfig(), { timeoutMs, observe })], stop: () => fleet.stop() };
  } catch (err) {
    await fleet.stop();
    throw err;
  }
}
