import type { Logger } from '../logging/index.js';
import { openEmbeddedStore } from './embedded.js';
import { openMongoStore } from './mongodb.js';
import type { GatewayStore } from './types.js';

export interface OpenStoreOptions {
  /** MONGODB_URI: when set, the store is MongoDB's; otherwise the embedded one under dataDir. */
  mongodbUri?: string;
  /** DATA_DIR: the embedded store's folder. Default ./.fleetgraph */
  dataDir?: string;
  /** MongoDB server-selection timeout: how long the open (and each call) waits for a server. Default 5000 ms. */
  serverSelectionTimeoutMS?: number;
  logger: Logger;
}

/** The store the configuration asks for, opened and ready; rejects when it cannot be reached or read. */
export async function openStore({ mongodbUri, dataDir, serverSelectionTimeoutMS, logger }: OpenStoreOptions): Promise<GatewayStore> {
  if (mongodbUri) {
    const store = await openMongoStore({ uri: mongodbUri, serverSelectionTimeoutMS });
    // The URI may hold credentials: it is never logged.
    logger.info('store: MongoDB');
    return store;
  }
  const store = await openEmbeddedStore({ dataDir });
  logger.info({ dataDir: dataDir ?? './.fleetgraph' }, 'store: embedded files');
  return store;
}
