import type { GraphQLSchema } from 'graphql';
import type { Config } from '../config/index.js';
import { createClusterRegistration, createClusterRegistry, embeddedSource, kubeconfigFileSource, type ClusterSourceInput } from '../fleet/index.js';
import type { Logger } from '../logging/index.js';
import { startSimFleet } from '../sim/fleet.js';
import { startSinks } from '../sinks/index.js';
import { createWatchEngine } from '../events/index.js';
import { createOperationEvents } from '../operations/events.js';
import { startOperationRunner } from '../operations/index.js';
import { openStore } from '../store/index.js';
import { startGateway } from './gateway.js';

export interface FleetgraphOptions {
  config: Config;
  logger: Logger;
  /** From buildGatewaySubgraphSchema() (or buildGatewaySchema(), without federation). */
  schema: GraphQLSchema;
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
export async function startFleetgraph({ config, logger, schema }: FleetgraphOptions): Promise<Fleetgraph> {
  const stops: Stop[] = [];
  const stopAll = async () => {
    for (const stop of stops.splice(0).reverse()) await stop();
  };
  try {
    // First opened, last closed: everything after may read or write it until it stops.
    const store = await openStore({ mongodbUri: config.mongodbUri, dataDir: config.dataDir, secretKey: config.secretKey, logger });
    stops.push(() => store.close());
    const clusters = await startClusterSource(config, logger);
    if (clusters.stop) stops.push(clusters.stop);
    const registry = createClusterRegistry({ sources: [clusters.input] });
    // Clusters registered through the API join before anything reads the registry.
    const clusterRegistration = createClusterRegistration({ registry, clusters: store.clusters, logger, timeoutMs: config.clusterTimeoutMs });
    await clusterRegistration.restore();
    const resourceEvents = createWatchEngine({ registry, logger });
    stops.push(() => resourceEvents.stop());
    if (config.sinks?.length) {
      // Stopped before the engine: each sink unsubscribes, then sends what waits.
      const sinks = startSinks({ sinks: config.sinks, engine: resourceEvents, clusters: registry.list().map((c) => c.name), logger });
      stops.push(() => sinks.stop());
    }
    // After the store, stopped before it closes: a stopped runner leaves operations to resume.
    const operationEvents = createOperationEvents();
    const operationRunner = await startOperationRunner({
      store,
      registry,
      events: operationEvents,
      logger,
      leaseMs: config.operationLeaseSeconds === undefined ? undefined : config.operationLeaseSeconds * 1000,
      idempotencyKeyTtlMs: config.idempotencyKeyTtlSeconds === undefined ? undefined : config.idempotencyKeyTtlSeconds * 1000,
    });
    stops.push(() => operationRunner.stop());
    const gateway = await startGateway({ config, logger, schema, registry, store, clusterRegistration, resourceEvents, operationEvents, operationRunner });
    stops.push(gateway.stop);
    return { url: gateway.url, stop: stopAll };
  } catch (err) {
    await stopAll();
    throw err;
  }
}

async function startClusterSource(config: Config, logger: Logger): Promise<{ input: ClusterSourceInput; stop?: Stop }> {
  const timeoutMs = config.clusterTimeoutMs;
  if (config.kubeconfig) {
    return { input: kubeconfigFileSource(config.kubeconfig, { contexts: config.contexts, timeoutMs }) };
  }
  const fleet = await startSimFleet({ clusters: config.simClusters });
  logger.info({ clusters: fleet.clusters.map(({ name, url }) => ({ name, url })) }, 'embedded simulated fleet started');
  try {
    return { input: embeddedSource(fleet.kubeconfig(), { timeoutMs }), stop: () => fleet.stop() };
  } catch (err) {
    await fleet.stop();
    throw err;
  }
}
