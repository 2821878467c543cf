import type { GraphQLSchema } from 'graphql';
import type { Config } from '../config/index.js';
import { createClusterRegistration, createClusterRegistry, embeddedSource, inClusterSource, kubeconfigFileSource, type ClusterSourceInput } from '../fleet/index.js';
import type { Logger } from '../logging/index.js';
import { startSimFleet } from '../sim/fleet.js';
import { startSinks } from '../sinks/index.js';
import { createWatchEngine } from '../events/index.js';
import { createOperationEvents } from '../operations/events.js';
import { startOperationRunner } from '../operations/index.js';
import { logOperationSteps } from '../operations/step-log.js';
import { openStore } from '../store/index.js';
import { startGateway } from './gateway.js';
import { createMetrics, type GatewayMetrics } from '../metrics/index.js';
import type { KubeCallObserver } from '../kube/index.js';

export interface FleetgraphOptions {
  config: Config;
  logger: Logger;
  /** From buildGatewaySchema(). */
  schema: GraphQLSchema;
  /** Where every part counts into, served on /metrics. Default: a new registry with process metrics. */
  metrics?: GatewayMetrics;
}

export interface Fleetgraph {
  readonly url: string;
  /** Stops what was started, in reverse order: gateway, …, the embedded fleet, then the store. */
  stop(): Promise<void>;
}

type Stop = () => Promise<void>;

/**
 * The whole gateway: the clusters of KUBECONFIG, or an embedded simulated fleet
 * when it is unset, behind one registry, served by the gateway.
 * A failure part-way stops whatever had started before rethrowing.
 */
export async function startFleetgraph({ config, logger, schema, metrics = createMetrics() }: FleetgraphOptions): Promise<Fleetgraph> {
  const stops: Stop[] = [];
  const stopAll = async () => {
    for (const stop of stops.splice(0).reverse()) await stop();
  };
  try {
    // First opened, last closed: everything after may read or write it until it stops.
    const store = await openStore({ mongodbUri: config.mongodbUri, dataDir: config.dataDir, secretKey: config.secretKey, logger });
    stops.push(() => store.close());
    const clusters = await startClusterSource(config, logger, (sample) => metrics.kubeCall(sample));
    if (clusters.stop) stops.push(clusters.stop);
    const registry = createClusterRegistry({ sources: clusters.inputs });
    // Clusters registered through the API join before anything reads the registry.
    const clusterRegistration = createClusterRegistration({ registry, clusters: store.clusters, logger, timeoutMs: config.clusterTimeoutMs, observe: (sample) => metrics.kubeCall(sample) });
    await clusterRegistration.restore();
    const resourceEvents = createWatchEngine({ registry, logger });
    stops.push(() => resourceEvents.stop());
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
    });
    stops.push(() => operationRunner.stop());
    const gateway = await startGateway({ config, logger, schema, registry, store, clusterRegistration, resourceEvents, operationEvents, operationRunner, metrics, shutdown: { delayMs: config.shutdownDelayMs, graceMs: config.shutdownGraceMs } });
    stops.push(gateway.stop);
    return { url: gateway.url, stop: stopAll };
  } catch (err) {
    await stopAll();
    throw err;
  }
}

/**
 * The cluster the gateway runs in (inside a pod) and KUBECONFIG's clusters, together; the
 * embedded simulated fleet only when neither is configured. The log says which.
 */
async function startClusterSource(config: Config, logger: Logger, observe: KubeCallObserver): Promise<{ inputs: ClusterSourceInput[]; stop?: Stop }> {
  const timeoutMs = config.clusterTimeoutMs;
  const inputs: ClusterSourceInput[] = [];
  if (config.inCluster) {
    inputs.push(inClusterSource(config.inCluster.name, { timeoutMs, observe, pathPrefix: config.inCluster.pathPrefix }));
    logger.info({ source: 'in-cluster', cluster: config.inCluster.name, server: inputs[0]!.clusters[0]!.client.server }, 'clusters: the one this pod runs in (KUBERNETES_SERVICE_HOST)');
  }
  if (config.kubeconfig) {
    const input = kubeconfigFileSource(config.kubeconfig, { contexts: config.contexts, timeoutMs, observe });
    inputs.push(input);
    logger.info({ source: 'kubeconfig', files: config.kubeconfig, clusters: input.clusters.map(({ client }) => client.name) }, 'clusters: the contexts of KUBECONFIG');
  }
  if (inputs.length > 0) return { inputs };
  const fleet = await startSimFleet({ clusters: config.simClusters });
  logger.info({ source: 'embedded', clusters: fleet.clusters.map(({ name, url }) => ({ name, url })) }, 'clusters: an embedded simulated fleet (neither KUBECONFIG nor KUBERNETES_SERVICE_HOST is set)');
  try {
    return { inputs: [embeddedSource(fleet.kubeconfig(), { timeoutMs, observe })], stop: () => fleet.stop() };
  } catch (err) {
    await fleet.stop();
    throw err;
  }
}
