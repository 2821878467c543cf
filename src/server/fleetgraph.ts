import type { GraphQLSchema } from 'graphql';
import type { Config } from '../config/index.js';
import type { Logger } from '../logging/index.js';
import { createMetrics, type GatewayMetrics } from '../metrics/index.js';
import { startGateway } from './gateway.js';
import { startServices } from './services.js';

export interface FleetgraphOptions {
  config: Config;
  logger: Logger;
  /** From buildGatewaySubgraphSchema() (or buildGatewaySchema(), without federation). */
  schema: GraphQLSchema;
  /** Where every part counts into, served on /metrics. Default: a new registry with process metrics. */
  metrics?: GatewayMetrics;
}

export interface Fleetgraph {
  readonly url: string;
  /** Stops the gateway, then its services in reverse order of start (src/server/services.ts). */
  stop(): Promise<void>;
}

/**
 * The whole gateway: its services built from the config (the cluster it runs in and KUBECONFIG's
 * clusters, or an embedded simulated fleet when neither is set), served over HTTP and WebSocket.
 * A failure part-way stops whatever had started before rethrowing.
 */
export async function startFleetgraph({ config, logger, schema, metrics = createMetrics() }: FleetgraphOptions): Promise<Fleetgraph> {
  const services = await startServices({ config, logger, overrides: { metrics } });
  try {
    const gateway = await startGateway({ config, logger, schema, services, shutdown: { delayMs: config.shutdownDelayMs, graceMs: config.shutdownGraceMs } });
    return {
      url: gateway.url,
      async stop() {
        await gateway.stop();
        await services.stop();
      },
    };
  } catch (err) {
    await services.stop();
    throw err;
  }
}
