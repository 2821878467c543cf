// A gateway in this process against a simulated fleet in this process, for end-to-end tests:
// real HTTP to the gateway, real Kubernetes HTTP from the gateway to the simulator.
import type { FormattedExecutionResult } from 'graphql';
import { buildGatewaySchema } from '../../schema/build-schema.js';
import { createClusterRegistry, embeddedSource } from '../../src/fleet/index.js';
import { createLogger } from '../../src/logging/index.js';
import { startGateway } from '../../src/server/gateway.js';
import { startSimFleet, type SimFleet, type SimFleetOptions } from '../../src/sim/fleet.js';

export type GraphQLResponse<T = Record<string, unknown>> = FormattedExecutionResult<T>;

export interface TestGateway {
  readonly url: string;
  readonly fleet: SimFleet;
  /** POSTs a query; resolves with the whole response (data and errors) */
  query<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse<T>>;
  /** the simulator's request counts, summed over clusters, for verbs starting `list`/`get` */
  kubeRequests(): Record<string, number>;
  resetCounters(): void;
  stop(): Promise<void>;
}

export interface TestGatewayOptions extends SimFleetOptions {
  /** per-call timeout to each cluster; default 2000 ms */
  timeoutMs?: number;
  batching?: boolean;
}

export async function startTestGateway({ timeoutMs = 2000, batching, ...fleetOptions }: TestGatewayOptions = {}): Promise<TestGateway> {
  const fleet = await startSimFleet({ clusters: 3, ...fleetOptions });
  const registry = createClusterRegistry({ sources: [embeddedSource(fleet.kubeconfig(), { timeoutMs })] });
  const gateway = await startGateway({
    config: { host: '127.0.0.1', port: 0, clusterConcurrency: 8 },
    logger: createLogger({ level: 'silent' }),
    schema: await buildGatewaySchema(),
    registry,
    batching,
  });
  return {
    url: gateway.url,
    fleet,
    async query<T>(query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse<T>> {
      const response = await fetch(gateway.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query, variables }),
      });
      return (await response.json()) as GraphQLResponse<T>;
    },
    kubeRequests() {
      const sum: Record<string, number> = {};
      for (const c of fleet.clusters) {
        for (const [key, n] of Object.entries(c.counters.snapshot())) sum[key] = (sum[key] ?? 0) + n;
      }
      return sum;
    },
    resetCounters: () => fleet.clusters.forEach((c) => c.counters.reset()),
    async stop() {
      await gateway.stop();
      await fleet.stop();
    },
  };
}
