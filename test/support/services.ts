// A gateway's services for tests that execute the schema in process without HTTP: built by
// startServices like any gateway's, over no clusters (unless given) and an in-memory store.
import { createLogger } from '../../src/logging/index.js';
import { type GatewayServices, type ServiceOverrides, startServices } from '../../src/server/services.js';
import { createEmbeddedStore } from '../../src/store/index.js';

/** stop() stops the services and closes the store, unless the store was given. */
export async function startTestServices(overrides: ServiceOverrides = {}): Promise<GatewayServices> {
  const store = overrides.store ?? createEmbeddedStore({ inMemoryOnly: true });
  const services = await startServices({
    config: {},
    logger: createLogger({ level: 'silent' }),
    overrides: { clusters: { source: 'EMBEDDED', clusters: [] }, ...overrides, store },
  });
  return {
    ...services,
    async stop(options) {
      await services.stop(options);
      if (!overrides.store) await store.close();
    },
  };
}
