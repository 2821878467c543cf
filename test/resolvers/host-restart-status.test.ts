// A host as a client sees it while restartHosts reboots it, and what a cordon does to the
// cluster's host counts: end to end over graphql-ws and HTTP against the simulator.
import type { Client } from 'graphql-ws';
import { startTestGateway, type TestGateway } from '../support/gateway.js';
import { subscribe, waitFor, wsClient } from '../support/subscriptions.js';
import { eventually } from '../support/wait.js';

const HOST_EVENTS = `subscription($filter: ResourceEventFilter) {
  resourceChanged(filter: $filter) { type name resource { ... on Host { status } } }
}`;
const RESTART = 'mutation($input: RestartHostsInput!) { restartHosts(input: $input) { id } }';
const OPERATION = 'query($id: ID!) { operation(id: $id) { status } }';
const COUNTS = 'query($n: String!) { cluster(name: $n) { status hostCounts { total available unavailable } } }';

interface HostEvent {
  resourceChanged: { type: string; name: string; resource: { status: string } | null };
}
interface Counts {
  status: string;
  hostCounts: { total: number; available: number; unavailable: number };
}

let gw: TestGateway;
let client: Client;

beforeAll(async () => {
  gw = await startTestGateway({ clusters: 2, seed: 'demo', speed: 20 });
  client = wsClient(gw.url);
});
afterAll(async () => {
  await client.dispose();
  await gw.stop();
});

/** Consecutive repeats folded: the states a status went through, in order. */
const steps = (statuses: string[]) => statuses.filter((s, i) => s !== statuses[i - 1]);

async function counts(cluster: string): Promise<Counts> {
  const { data, errors } = await gw.query<{ cluster: Counts }>(COUNTS, { n: cluster });
  expect(errors).toBeUndefined();
  return data!.cluster;
}

describe('a host restarted by restartHosts', () => {
  // Each round reboots another host, so the whole path is walked several times.
  it.each(['prod-eu-node-2', 'prod-eu-node-3', 'prod-eu-node-4'])('%s reads ACTIVE → RESTARTING → ACTIVE and never goes back', async (host) => {
    const sub = subscribe<HostEvent>(client, HOST_EVENTS, { filter: { clusters: ['prod-eu'], kinds: ['HOST'] } });
    try {
      // The stream lists first: the initial state of every host arrives as ADDED.
      await sub.until((results) => results.some((r) => r.data?.resourceChanged.name === host));
      const { data, errors } = await gw.query<{ restartHosts: { id: string } }>(RESTART, { input: { cluster: 'prod-eu', hosts: [host] } });
      expect(errors).toBeUndefined();
      const op = await eventually(
        async () => (await gw.query<{ operation: { status: string } }>(OPERATION, { id: data!.restartHosts.id })).data!.operation,
        (o) => !['PENDING', 'RUNNING'].includes(o.status),
        20_000,
      );
      expect(op.status).toBe('SUCCEEDED');
      const seen = () => sub.data().filter((d) => d.resourceChanged.name === host).map((d) => d.resourceChanged.resource!.status);
      // The uncordon is the operation's last write; wait for its event before judging.
      await waitFor(() => steps(seen()).length >= 3 && seen().at(-1) === 'ACTIVE');
      expect(steps(seen())).toEqual(['ACTIVE', 'RESTARTING', 'ACTIVE']);
    } finally {
      sub.unsubscribe();
    }
  });
});

describe('hostCounts', () => {
  it('counts a cordoned host as unavailable, and the cluster stays OK while it is Ready', async () => {
    const before = await counts('prod-us');
    expect(before).toEqual({ status: 'OK', hostCounts: { total: before.hostCounts.total, available: before.hostCounts.total, unavailable: 0 } });
    const cordon = await gw.query('mutation { cordonHost(cluster: "prod-us", name: "prod-us-node-2") { status } }');
    expect(cordon.errors).toBeUndefined();
    const total = before.hostCounts.total;
    expect(await counts('prod-us')).toEqual({ status: 'OK', hostCounts: { total, available: total - 1, unavailable: 1 } });
    await gw.query('mutation { uncordonHost(cluster: "prod-us", name: "prod-us-node-2") { status } }');
    expect(await counts('prod-us')).toEqual(before);
  });
});
