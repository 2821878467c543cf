// The gateway's Prometheus metrics. One object of hooks, handed to what it measures, so the
// counting stays here; gauges of things that already keep a count (streams, sinks, clusters)
// are read at scrape time from the sources given to `watch`, rather than mirrored.
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { KubeCallSample } from '../kube/index.js';
import type { OperationEvents } from '../operations/events.js';
import type { OperationStatus } from '../operations/model.js';

export interface GraphQLOperationSample {
  /** query, mutation, subscription; `unknown` when the document did not parse or name one */
  type: string;
  /** the first root field (`workloads`, `rolloutImage`): bounded by the schema, unlike client-chosen operation names */
  name: string;
  /** ok, partial (data with errors), error */
  outcome: 'ok' | 'partial' | 'error';
  /** NaN when it has no meaningful duration (a websocket operation): counted, not timed */
  seconds: number;
}

/** What the scrape reads; each source is optional (a test gateway may have none of them). */
export interface MetricSources {
  /** the clusters and a way to probe one: `fleetgraph_cluster_up` is 1 when it answers its version */
  clusters?: () => readonly { name: string; probe(signal: AbortSignal): Promise<unknown> }[];
  /** running upstream watch streams and their subscribers (the watch engine's `streams()`) */
  streams?: () => readonly { cluster: string; kind: string; subscribers: number; state: { phase: string } }[];
  /** each sink's counters, by sink name (the sink manager's `stats()`) */
  sinks?: () => Record<string, { sent: number; dropped: number; rejected: number; failedAttempts: number; deduplicated: number }>;
  /** where operations publish their changes */
  operations?: OperationEvents;
}

export interface GatewayMetrics {
  /** prom-client's registry: `metrics()` is the text the /metrics endpoint serves */
  readonly registry: Registry;
  kubeCall(sample: KubeCallSample): void;
  graphqlOperation(sample: GraphQLOperationSample): void;
  /** Reads these sources from now on; returns the function that stops listening to operations. */
  watch(sources: MetricSources): () => void;
}

export interface MetricsOptions {
  /** How long a scrape waits for a cluster's version before calling it down. Default 2000 ms. */
  probeTimeoutMs?: number;
  /** Process metrics (CPU, memory, event loop, GC). Default true. */
  processMetrics?: boolean;
}

const SECONDS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

/** A registry of the gateway's own, never prom-client's global one: two gateways in a process stay apart. */
export function createMetrics({ probeTimeoutMs = 2000, processMetrics = true }: MetricsOptions = {}): GatewayMetrics {
  const registry = new Registry();
  if (processMetrics) collectDefaultMetrics({ register: registry });
  let sources: MetricSources = {};
  const registers = [registry];

  const kubeRequests = new Counter({ name: 'fleetgraph_kube_requests_total', help: 'HTTP requests to clusters (each retry counted), by answer code', labelNames: ['cluster', 'verb', 'resource', 'code'], registers });
  const kubeDuration = new Histogram({ name: 'fleetgraph_kube_request_duration_seconds', help: 'time of one HTTP request to a cluster', labelNames: ['cluster', 'verb'], buckets: SECONDS, registers });
  const operations = new Counter({ name: 'fleetgraph_graphql_operations_total', help: 'GraphQL operations, by type, first root field and outcome', labelNames: ['type', 'name', 'outcome'], registers });
  const duration = new Histogram({ name: 'fleetgraph_graphql_duration_seconds', help: 'time to answer one GraphQL operation over HTTP (websocket operations are counted, not timed)', labelNames: ['type'], buckets: SECONDS, registers });
  const fleetOperations = new Counter({ name: 'fleetgraph_operations_total', help: 'fleet operations entering each status, by kind', labelNames: ['kind', 'status'], registers });

  new Gauge({
    name: 'fleetgraph_cluster_up',
    help: '1 when the cluster answered its version within the probe timeout at this scrape, else 0',
    labelNames: ['cluster'],
    registers,
    async collect() {
      this.reset();
      const clusters = sources.clusters?.() ?? [];
      const answers = await Promise.allSettled(clusters.map((c) => c.probe(AbortSignal.timeout(probeTimeoutMs))));
      clusters.forEach((c, i) => this.set({ cluster: c.name }, answers[i]!.status === 'fulfilled' ? 1 : 0));
    },
  });
  new Gauge({
    name: 'fleetgraph_watches',
    help: 'upstream watch streams running (listing, watching or backing off), by cluster and kind',
    labelNames: ['cluster', 'kind'],
    registers,
    collect() {
      this.reset();
      for (const s of sources.streams?.() ?? []) if (s.state.phase !== 'stopped') this.inc({ cluster: s.cluster, kind: s.kind });
    },
  });
  new Gauge({
    name: 'fleetgraph_subscribers',
    help: 'subscribers of the watch streams: resourceChanged subscriptions and event sinks',
    registers,
    collect() {
      this.set((sources.streams?.() ?? []).reduce((sum, s) => sum + s.subscribers, 0));
    },
  });
  new Counter({
    name: 'fleetgraph_sink_events_total',
    help: 'events handled by each sink, by outcome (sent, dropped, rejected, deduplicated) and failed POST attempts (failed_attempt)',
    labelNames: ['sink', 'outcome'],
    registers,
    collect() {
      this.reset();
      for (const [sink, s] of Object.entries(sources.sinks?.() ?? {})) {
        const outcomes = { sent: s.sent, dropped: s.dropped, rejected: s.rejected, deduplicated: s.deduplicated, failed_attempt: s.failedAttempts };
        for (const [outcome, n] of Object.entries(outcomes)) this.inc({ sink, outcome }, n);
      }
    },
  });

  return {
    registry,
    kubeCall({ cluster, verb, resource, code, seconds }) {
      kubeRequests.inc({ cluster, verb, resource, code });
      kubeDuration.observe({ cluster, verb }, seconds);
    },
    graphqlOperation({ type, name, outcome, seconds }) {
      operations.inc({ type, name, outcome });
      if (!Number.isNaN(seconds)) duration.observe({ type }, seconds);
    },
    watch(given) {
      sources = { ...sources, ...given };
      return given.operations ? countOperations(given.operations, fleetOperations) : () => {};
    },
  };
}

// Each status an operation enters counts once; finished operations are forgotten.
function countOperations(events: OperationEvents, counter: Counter<'kind' | 'status'>): () => void {
  const last = new Map<string, OperationStatus>();
  return events.subscribe((op) => {
    if (last.get(op.id) === op.status) return;
    counter.inc({ kind: op.operationKind, status: op.status });
    if (op.status === 'PENDING' || op.status === 'RUNNING') last.set(op.id, op.status);
    else last.delete(op.id);
  });
}
