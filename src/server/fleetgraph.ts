import type { GraphQLSchema } from 'graphql';
import type { Config } from '../config/index.js';
import { createClusterRegistry, embeddedSource, kubeconfigFileSource, type ClusterSourceInput } from '../fleet/index.js';
import type { Logger } from '../logging/index.js';
import { startSimFleet } from '../sim/fleet.js';
import { startGateway } from './gateway.js';

export interface FleetgraphOptions {
  config: Config;
  logger: Logger;
  /** From buildGatewaySchema(). */
  schema: GraphQLSchema;
}

export interface Fleetgraph {
  readonly url: string;
  /** Stops what was started, in reverse order: gateway, then the embedded fleet. */
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
    const clusters = await startClusterSource(config, logger);
    if (clusters.stop) stops.push(clusters.stop);
    const registry = createClusterRegistry({ sources: [clusters.input] });
    const gateway = await startGateway({ config, logger, schema, registry });
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
