// startServices builds a gateway's services from its config and stops them all with one stop.
// What a user sees of that: the store's folder is held while they run and free once they stop,
// also after a start that failed part-way.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, SINK_KINDS, type SinkConfig } from '../../src/config/index.js';
import { createLogger } from '../../src/logging/index.js';
import { startServices } from '../../src/server/services.js';
import { DataDirLockedError } from '../../src/store/index.js';

const logger = createLogger({ level: 'silent' });
const NO_CLUSTERS = { source: 'EMBEDDED', clusters: [] } as const;
const sink = (clusters: string[]): SinkConfig => ({
  name: 'audit-feed',
  clusters,
  url: 'http://127.0.0.1:1/',
  kinds: SINK_KINDS,
  ignoreNamespaces: [],
  dropEvents: [],
  pruneFields: [],
  batchSize: 1,
  batchIntervalMs: 0,
  dedupeWindowMs: 0,
  maxQueued: 10,
  timeoutMs: 100,
  retryInitialDelayMs: 10,
  retryMaxDelayMs: 10,
});

describe('startServices', () => {
  let dataDir: string;
  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'fleetgraph-services-'));
  });
  afterEach(() => rm(dataDir, { recursive: true, force: true }));

  it('builds the clusters the config names (an embedded fleet of SIM_CLUSTERS) and holds DATA_DIR until stopped', async () => {
    const services = await startServices({ config: { dataDir, simClusters: 2 }, logger });
    try {
      expect(services.registry.list().map((c) => c.name)).toHaveLength(2);
      expect(await services.registry.list()[0]!.client.version()).toMatchObject({ gitVersion: expect.any(String) });
      await expect(startServices({ config: { dataDir }, logger, overrides: { clusters: NO_CLUSTERS } })).rejects.toThrow(DataDirLockedError);
    } finally {
      await services.stop();
    }
    const again = await startServices({ config: { dataDir }, logger, overrides: { clusters: NO_CLUSTERS } });
    await again.stop();
  });

  it('stops what had started when a later service refuses its config, then rethrows', async () => {
    const start = startServices({ config: { dataDir, sinks: [sink(['nope'])] }, logger, overrides: { clusters: NO_CLUSTERS } });
    await expect(start).rejects.toThrow(ConfigError);
    await expect(start).rejects.toThrow(/"nope" not in the fleet/);
    // The store opened first was closed on the way out: its folder is free again.
    const again = await startServices({ config: { dataDir }, logger, overrides: { clusters: NO_CLUSTERS } });
    await again.stop();
  });
});
