// Which streams the sinks subscribe to. The engine here is a recorder: what is under test is
// the manager's arithmetic, not watching (delivery.test.ts runs the real engine).
import { ConfigError, SINK_KINDS, type SinkConfig } from '../../src/config/index.js';
import type { ChangeListener, StreamKey } from '../../src/events/types.js';
import { createLogger } from '../../src/logging/index.js';
import { startSinks } from '../../src/sinks/index.js';

const base = { url: 'http://127.0.0.1:1/', kinds: SINK_KINDS, ignoreNamespaces: [], dropEvents: [], pruneFields: [], batchSize: 1, batchIntervalMs: 0, dedupeWindowMs: 0, maxQueued: 10, timeoutMs: 100, retryInitialDelayMs: 10, retryMaxDelayMs: 10 };
const sink = (name: string, overrides: Partial<SinkConfig> = {}): SinkConfig => ({ ...base, name, ...overrides });

function recordingEngine() {
  const subscribed: StreamKey[] = [];
  let active = 0;
  return {
    subscribed,
    active: () => active,
    subscribe(key: StreamKey, _listener: ChangeListener) {
      subscribed.push(key);
      active++;
      return () => void active--;
    },
  };
}

const logger = createLogger({ level: 'silent' });
const fleet = ['prod-eu', 'prod-us', 'staging'];

describe('startSinks', () => {
  it('subscribes each sink to its clusters × kinds, and unsubscribes on stop', async () => {
    const engine = recordingEngine();
    const manager = startSinks({
      sinks: [sink('all', { kinds: ['deployments', 'hosts'] }), sink('eu', { clusters: ['prod-eu'], kinds: ['pods'] })],
      engine,
      clusters: fleet,
      logger,
    });
    expect(engine.subscribed).toEqual([
      { cluster: 'prod-eu', kind: 'Deployment' },
      { cluster: 'prod-eu', kind: 'Node' },
      { cluster: 'prod-us', kind: 'Deployment' },
      { cluster: 'prod-us', kind: 'Node' },
      { cluster: 'staging', kind: 'Deployment' },
      { cluster: 'staging', kind: 'Node' },
      { cluster: 'prod-eu', kind: 'Pod' },
    ]);
    expect(Object.keys(manager.stats())).toEqual(['all', 'eu']);
    await manager.stop({ drainMs: 0 });
    expect(engine.active()).toBe(0);
  });

  it('refuses a cluster the fleet does not have, before subscribing anything', () => {
    const engine = recordingEngine();
    const start = () => startSinks({ sinks: [sink('a', { clusters: ['prod-eu', 'prod-asia'] })], engine, clusters: fleet, logger });
    expect(start).toThrow(ConfigError);
    expect(start).toThrow('sink "a" clusters: "prod-asia" not in the fleet (prod-eu, prod-us, staging)');
    expect(engine.subscribed).toEqual([]);
  });
});
