// A gateway for a benchmark: its services from startServices over the benchmark's clusters and
// an in-memory store, served on a free loopback port. stop() stops it all, store included.
import { buildGatewaySchema } from '../schema/build-schema.js';
import type { ListCache } from '../src/cache/index.js';
import type { ClusterSourceInput } from '../src/fleet/index.js';
import { createLogger } from '../src/logging/index.js';
import { type GatewayOptions, startGateway } from '../src/server/gateway.js';
import { startServices } from '../src/server/services.js';
import { createEmbeddedStore } from '../src/store/index.js';

export interface BenchGateway {
  readonly url: string;
  /** the services' read cache, to see what it holds */
  readonly cache: ListCache;
  stop(): Promise<void>;
}

export interface BenchGatewayOptions {
  clusters: ClusterSourceInput;
  /** cluster calls under way at once within one request; default 8 */
  clusterConcurrency?: number;
  limits?: GatewayOptions['config']['limits'];
  batching?: boolean;
}

export async function startBenchGateway({ clusters, clusterConcurrency = 8, limits, batching }: BenchGatewayOptions): Promise<BenchGateway> {
  const logger = createLogger({ level: 'silent' });
  const store = createEmbeddedStore({ inMemoryOnly: true });
  const services = await startServices({ config: {}, logger, overrides: { store, clusters } });
  const stopServices = async () => {
    await services.stop();
    await store.close();
  };
  try {
    const gateway = await startGateway({ config: { host: '127.0.0.1', port: 0, clusterConcurrency, limits }, logger, schema: await buildGatewaySchema(), services, batching });
    return {
      url: gateway.url,
      cache: services.cache,
      async stop() {
        await gateway.stop();
        await stopServices();
      },
    };
  } catch (err) {
    await stopServices();
    throw err;
  }
}
