// Every configured sink, subscribed to the engine streams it needs.
import { ConfigError, type SinkConfig } from '../config/index.js';
import type { StreamKey, WatchEngine } from '../events/types.js';
import type { Logger } from '../logging/index.js';
import type { SinkStats } from './counters.js';
import { WATCHED_KIND_OF } from './kinds.js';
import { createSink, type Sink, type SinkOptions } from './sink.js';

export interface SinkManagerOptions {
  sinks: readonly SinkConfig[];
  engine: Pick<WatchEngine, 'subscribe'>;
  /** Cluster names in the fleet at start: a sink without `clusters` follows all of them. */
  clusters: readonly string[];
  logger: Logger;
  /** Clock, jitter, sleep and transport for every sink; defaults as in createSink. */
  inject?: Omit<SinkOptions, 'config' | 'logger'>;
}

export interface SinkManager {
  readonly sinks: readonly Sink[];
  /** Each sink's counters, by name. */
  stats(): Record<string, SinkStats>;
  /** Unsubscribes, then lets each sink send what waits for at most `drainMs` (default 2000). */
  stop(options?: { drainMs?: number }): Promise<void>;
}

/**
 * Creates one sink per config and subscribes it to (cluster, kind) for each cluster and kind
 * it wants; the engine shares the upstream watch between sinks and subscriptions. Namespaces
 * are filtered by the sink, as a stream carries every namespace.
 * @throws ConfigError when a sink names a cluster the fleet does not have (before anything starts).
 */
export function startSinks({ sinks: configs, engine, clusters, logger, inject }: SinkManagerOptions): SinkManager {
  for (const config of configs) {
    const unknown = (config.clusters ?? []).filter((name) => !clusters.includes(name));
    if (unknown.length > 0) {
      throw new ConfigError(`sink "${config.name}" clusters: ${unknown.map((n) => `"${n}"`).join(', ')} not in the fleet (${clusters.join(', ')})`);
    }
  }
  const log = logger.child({ component: 'sinks' });
  const sinks = configs.map((config) => createSink({ ...inject, config, logger: log }));
  const unsubscribes: (() => void)[] = [];
  try {
    sinks.forEach((sink, i) => {
      for (const key of streamsOf(configs[i]!, clusters)) unsubscribes.push(engine.subscribe(key, sink.accept));
    });
  } catch (err) {
    unsubscribes.forEach((unsubscribe) => unsubscribe());
    void Promise.all(sinks.map((sink) => sink.stop({ drainMs: 0 })));
    throw err;
  }
  for (const config of configs) log.info({ sink: config.name, url: redacted(config.url) }, 'event sink started');
  return {
    sinks,
    stats: () => Object.fromEntries(sinks.map((sink) => [sink.name, sink.stats()])),
    async stop(options) {
      unsubscribes.splice(0).forEach((unsubscribe) => unsubscribe());
      await Promise.all(sinks.map((sink) => sink.stop(options)));
    },
  };
}

function streamsOf(config: SinkConfig, fleet: readonly string[]): StreamKey[] {
  return (config.clusters ?? fleet).flatMap((cluster) => config.kinds.map((kind) => ({ cluster, kind: WATCHED_KIND_OF[kind] })));
}

/** The URL without user info or query, which may carry secrets. */
function redacted(url: string): string {
  const { origin, pathname } = new URL(url);
  return origin + pathname;
}
