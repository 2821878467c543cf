import type { GraphQLSchema } from 'graphql';
import type { Config } from '../config/index.js';
import { createClusterRegistry, type ClusterSourceInput } from '../fleet/index.js';
import { clientsFromKubeconfigDocument, clientsFromKubeconfigFile } from '../kube/index.js';
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
    const clients = clientsFromKubeconfigFile({ path: config.kubeconfig, contexts: config.contexts, timeoutMs });
    return { input: { source: 'KUBECONFIG', clusters: clients.map((client) => ({ client })) } };
  }
  const fleet = await startSimFleet({ clusters: config.simClusters });
  logger.info({ clusters: fleet.clusters.map(({ name, url }) => ({ name, url })) }, 'embedded simulated fleet started');
  try {
    const clients = clientsFromKubeconfigDocument({ document: fleet.kubeconfig(), timeoutMs });
    return { input: { source: 'EMBEDDED', clusters: clients.map((client) => ({ client })) }, stop: () => fleet.stop() };
  } catch (err) {
    await fleet.stop();
    throw err;
  }
}
