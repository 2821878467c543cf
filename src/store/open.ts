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
  /** FLEETGRAPH_SECRET_KEY: encrypts cluster tokens at rest. Default none (see README, "The store"). */
  secretKey?: Buffer;
  logger: Logger;
}

/**
 * The store the configuration asks for, opened and ready; rejects when it cannot be reached or
 * read (StoreOpenError and its kinds carry a message for the operator).
 */
export async function openStore({ mongodbUri, dataDir, serverSelectionTimeoutMS, secretKey, logger }: OpenStoreOptions): Promise<GatewayStore> {
  if (mongodbUri) {
    const store = await openMongoStore({ uri: mongodbUri, serverSelectionTimeoutMS, secretKey });
    // The URI may hold credentials: it is never logged.
    logger.info({ encryptedCredentials: secretKey !== undefined }, 'store: MongoDB');
    if (!secretKey) logger.warn('FLEETGRAPH_SECRET_KEY is not set: registerCluster refuses tokens, as MongoDB would keep them unencrypted');
    return store;
  }
  const store = await openEmbeddedStore({ dataDir, secretKey, logger });
  logger.info({ dataDir: dataDir ?? './.fleetgraph', encryptedCredentials: secretKey !== undefined }, 'store: embedded files');
  if (!secretKey) logger.warn('FLEETGRAPH_SECRET_KEY is not set: registered clusters\' tokens are kept unencrypted in DATA_DIR, readable only by this user');
  return store;
}
