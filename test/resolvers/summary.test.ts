// summary and summaryChanged end to end: counts against what the simulator holds, statuses
// against what Workload.status and Host.status say, who may ask and what each caller counts.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Client } from 'graphql-ws';
import { HOST_STATUSES, WORKLOAD_STATUSES } from '../../src/model/records.js';
import { resourceByKind } from '../../src/sim/resources.js';
import { caller, type TestCaller } from '../auth/tokens.js';
import { startTestGateway, type TestGateway } from '../support/gateway.js';
import { type Kubectl, kubectlFor } from '../support/kubectl.js';
import { type Result, wsClient } from '../support/subscriptions.js';
import { eventually, until } from '../support/wait.js';
import { type SimCounts, simCounts } from '../summary/sim-counts.js';

const FIELDS = `
  workloads { total byStatus { status count } byKind { kind count } byCluster { cluster count } byNamespace { namespace count } }
  hosts { total byStatus { status count } byCluster { cluster count } }
  pods { total ready notReady byPhase { phase count } }`;
const SUMMARY = `query($filter: SummaryFilter) { summary(filter: $filter) { ${FIELDS} } }`;
const SUMMARY_CHANGED = `subscription($filter: SummaryFilter) { summaryChanged(filter: $filter) { ${FIELDS} } }`;
// What the gateway lists, for the statuses the counts must agree with.
const LISTED = `query($workloads: WorkloadFilter, $hosts: HostFilter) {
  workloads(first: 1000, filter: $workloads) { nodes { status } }
  hosts(first: 1000, filter: $hosts) { nodes { status } }
}`;

type Count<K extends string> = Record<K, string> & { count: number };
interface Summary {
  workloads: SimCounts['workloads'] & { byStatus: Count<'status'>[] };
  hosts: SimCounts['hosts'] & { byStatus: Count<'status'>[] };
  pods: SimCounts['pods'];
}
interface Filter {
  clusters?: string[];
  namespaces?: string[];
}

const ALL = ['prod-eu', 'prod-us', 'staging'];
const ADMIN = caller('admin', ['ADMIN']);
const VIEWER = caller('viewer', ['VIEWER']);
const EU_VIEWER = caller('eu-viewer', ['VIEWER'], { clusters: ['prod-eu'] });
const ACME_VIEWER = caller('acme-viewer', ['VIEWER'], { namespaces: ['acme-*'] });
const NOBODY = caller('nobody', []);

let gw: TestGateway;
let dir: string;
let kubectl: Kubectl;
beforeAll(async () => {
  gw = await startTestGateway({ clusters: 3, seed: 'demo', speed: 20, auth: { tokens: [ADMIN, VIEWER, EU_VIEWER, ACME_VIEWER, NOBODY].map((c) => c.entry) } });
  dir = await mkdtemp(join(tmpdir(), 'fleetgraph-summary-'));
  await gw.fleet.writeKubeconfig(join(dir, 'kubeconfig'));
  kubectl = kubectlFor({ kubeconfig: join(dir, 'kubeconfig'), context: 'prod-eu', cacheDir: join(dir, 'cache') });
});
afterAll(async () => {
  await kubectl?.stopAll();
  await gw?.stop();
  await rm(dir, { recursive: true, force: true });
});

async function summaryAs(who: TestCaller, filter?: Filter): Promise<Summary> {
  const { data, errors } = await gw.query<{ summary: Summary }>(SUMMARY, { filter }, { token: who.token });
  expect(errors).toBeUndefined();
  return data!.summary;
}

/** Statuses tallied from what the gateway lists to `who`, in the enums' order. */
async function listedStatuses(who: TestCaller, { clusters, namespaces }: Filter): Promise<{ workloads: Count<'status'>[]; hosts: Count<'status'>[] }> {
  const { data } = await gw.query<{ workloads: { nodes: { status: string }[] }; hosts: { nodes: { status: string }[] } }>(
    LISTED,
    { workloads: { clusters, namespaces }, hosts: { clusters } },
    { token: who.token },
  );
  const tally = (statuses: readonly string[], nodes: { status: string }[]) => statuses.map((status) => ({ status, count: nodes.filter((n) => n.status === status).length }));
  return { workloads: tally(WORKLOAD_STATUSES, data!.workloads.nodes), hosts: tally(HOST_STATUSES, data!.hosts.nodes) };
}

/** The summary minus its statuses, which simCounts leaves to listedStatuses. */
function withoutStatuses({ workloads: { byStatus: _w, ...workloads }, hosts: { byStatus: _h, ...hosts }, pods }: Summary): SimCounts {
  return { workloads, hosts, pods };
}

/**
 * Asks until the summary agrees with the simulator and the gateway's own listing at one moment
 * (controllers keep moving the fleet), then shows both sides for a readable failure.
 */
async function expectAgreement(who: TestCaller, filter: Filter, expected: { clusters: string[]; inNamespace?: (ns: string) => boolean }): Promise<Summary> {
  const sides = async () => {
    const summary = await summaryAs(who, filter);
    return { summary, sim: simCounts(gw.fleet, expected), listed: await listedStatuses(who, filter) };
  };
  const agree = ({ summary, sim, listed }: Awaited<ReturnType<typeof sides>>) =>
    JSON.stringify(withoutStatuses(summary)) === JSON.stringify(sim) && JSON.stringify([summary.workloads.byStatus, summary.hosts.byStatus]) === JSON.stringify([listed.workloads, listed.hosts]);
  const { summary, sim, listed } = await eventually(sides, agree, 15_000).catch(sides);
  expect(withoutStatuses(summary)).toEqual(sim);
  expect({ workloads: summary.workloads.byStatus, hosts: summary.hosts.byStatus }).toEqual(listed);
  return summary;
}

describe('summary', () => {
  it('counts what the simulator holds, with the statuses Workload.status and Host.status give', async () => {
    const summary = await expectAgreement(VIEWER, {}, { clusters: ALL });
    expect(summary.workloads.total).toBeGreaterThan(10);
    expect(summary.hosts.byCluster.map((c) => c.cluster)).toEqual(ALL);
    expect(summary.pods.total).toBeGreaterThan(summary.workloads.total);
  });

  it.each([
    ['clusters', { clusters: ['prod-us', 'staging'] }, { clusters: ['prod-us', 'staging'] }],
    ['namespaces (hosts all counted)', { namespaces: ['acme-production', 'monitoring'] }, { clusters: ALL, inNamespace: (ns: string) => ['acme-production', 'monitoring'].includes(ns) }],
    ['an empty namespace list (nothing but hosts)', { namespaces: [] }, { clusters: ALL, inNamespace: () => false }],
  ])('narrows to the filter: %s', async (_what, filter, expected) => {
    await expectAgreement(VIEWER, filter, expected);
  });

  it('refuses a caller without a token (UNAUTHENTICATED), one without a role (FORBIDDEN) and an unknown cluster (BAD_USER_INPUT)', async () => {
    const anonymous = await gw.query(SUMMARY);
    expect(anonymous.errors?.map((e) => e.extensions?.code)).toEqual(['UNAUTHENTICATED']);
    const roleless = await gw.query(SUMMARY, {}, { token: NOBODY.token });
    expect(roleless.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
    expect(roleless.data?.summary ?? null).toBeNull();
    const unknown = await gw.query(SUMMARY, { filter: { clusters: ['nowhere'] } }, { token: VIEWER.token });
    expect(unknown.errors?.[0]).toMatchObject({ message: 'filter.clusters: no cluster named nowhere', extensions: { code: 'BAD_USER_INPUT' } });
  });

  it('counts for a cluster-scoped caller only its clusters, and refuses another one as it refuses an unknown one', async () => {
    await expectAgreement(EU_VIEWER, {}, { clusters: ['prod-eu'] });
    const other = await gw.query(SUMMARY, { filter: { clusters: ['prod-us'] } }, { token: EU_VIEWER.token });
    expect(other.data).toBeNull();
    expect(other.errors?.[0]).toMatchObject({ message: 'filter.clusters: no cluster named prod-us', extensions: { code: 'BAD_USER_INPUT' } });
  });

  it("counts for a namespace-scoped caller the workloads and pods of its namespaces, and every host of its clusters", async () => {
    const summary = await expectAgreement(ACME_VIEWER, {}, { clusters: ALL, inNamespace: (ns) => ns.startsWith('acme-') });
    expect(summary.workloads.byNamespace.every((n) => n.namespace.startsWith('acme-'))).toBe(true);
    expect(summary.hosts).toEqual((await summaryAs(ADMIN)).hosts);
  });
});

/** A subscriber that notes when each result arrived. */
function follow(client: Client, variables?: { filter?: Filter }) {
  const received: { at: number; result: Result<{ summaryChanged: Summary }> }[] = [];
  const unsubscribe = client.subscribe<{ summaryChanged: Summary }>(
    { query: SUMMARY_CHANGED, variables },
    { next: (result) => received.push({ at: Date.now(), result: result as Result<{ summaryChanged: Summary }> }), error: (err) => received.push({ at: Date.now(), result: { errors: [{ message: String(err) }] } }), complete: () => {} },
  );
  const summaries = () => received.map((r) => r.result.data?.summaryChanged).filter((s): s is Summary => s !== undefined);
  return { received, summaries, last: () => summaries().at(-1), unsubscribe };
}

const statusCount = (s: Summary | undefined, status: string) => s?.workloads.byStatus.find((b) => b.status === status)?.count;

describe('summaryChanged', () => {
  let client: Client;
  beforeAll(() => (client = wsClient(gw.url, { token: VIEWER.token })));
  afterAll(() => client.dispose());

  it('sends the counts at once, then new counts after kubectl scale and delete', async () => {
    const sub = follow(client);
    try {
      await until(() => sub.summaries().length > 0, 'the first summary');
      const first = sub.last()!;
      expect(first).toEqual(await summaryAs(VIEWER));
      await kubectl.ok(['-n', 'acme-production', 'scale', 'deployment/web', '--replicas=0']);
      await until(() => statusCount(sub.last(), 'SCALED_DOWN') === statusCount(first, 'SCALED_DOWN')! + 1, 'a summary with web scaled down');
      await kubectl.ok(['-n', 'acme-production', 'delete', 'deployment/web']);
      await until(() => sub.last()?.workloads.total === first.workloads.total - 1, 'a summary without web');
      await expectAgreement(VIEWER, {}, { clusters: ALL });
      // Every summary sent differs from the one before it.
      const sent = sub.summaries().map((s) => JSON.stringify(s));
      sent.slice(1).forEach((s, i) => expect(s).not.toBe(sent[i]));
    } finally {
      sub.unsubscribe();
    }
  });

  it('sends at most one summary a second under a burst of changes', async () => {
    const sub = follow(client, { filter: { clusters: ['prod-us'] } });
    try {
      await until(() => sub.summaries().length > 0, 'the first summary');
      const store = gw.fleet.cluster('prod-us').store;
      const DEPLOYMENT = resourceByKind('Deployment');
      const targets = store.list(DEPLOYMENT).slice(0, 5).map((d) => ({ namespace: d.metadata.namespace, name: d.metadata.name, replicas: d.spec.replicas as number, down: false }));
      // Three seconds of changes, each one moving a count (a deployment scaled to zero and back):
      // sent as they come, they would be thirty summaries.
      const started = Date.now();
      for (let round = 0; round < 30; round++) {
        const target = targets[round % targets.length]!;
        target.down = !target.down;
        store.mutate(DEPLOYMENT, target.namespace, target.name, (d) => void (d.spec.replicas = target.down ? 0 : target.replicas));
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      const burst = Date.now() - started;
      const duringBurst = sub.received.filter((r) => r.at <= started + burst).length;
      expect(duringBurst).toBeLessThanOrEqual(Math.ceil(burst / 1000) + 1);
      expect(sub.summaries().length).toBeGreaterThanOrEqual(3);
      const final = await expectAgreement(VIEWER, { clusters: ['prod-us'] }, { clusters: ['prod-us'] });
      await until(() => JSON.stringify(sub.last()) === JSON.stringify(final), 'the settled counts', 15_000);
      const times = sub.received.map((r) => r.at);
      // The server waits a full second between sends; delivery may jitter a little.
      times.slice(1).forEach((at, i) => expect(at - times[i]!).toBeGreaterThanOrEqual(900));
      const sent = sub.summaries().map((s) => JSON.stringify(s));
      sent.slice(1).forEach((s, i) => expect(s).not.toBe(sent[i]));
    } finally {
      sub.unsubscribe();
    }
  });

  it('sends the counts at once to a second alike subscriber too (it does not join the first one\'s execution)', async () => {
    const first = follow(client);
    try {
      await until(() => first.summaries().length > 0, 'the first subscriber\'s summary');
      const second = follow(client);
      try {
        await until(() => second.summaries().length > 0, 'the second subscriber\'s summary');
        expect(second.summaries()[0]).toEqual(first.last());
      } finally {
        second.unsubscribe();
      }
    } finally {
      first.unsubscribe();
    }
  });

  it.each([
    ['a caller without a role', 4403, NOBODY.token],
    ['an unknown token', 4401, 'not-a-token'],
  ])('refuses %s: the socket closes with %s and no summary is sent', async (_, code, token) => {
    let closedWith: number | undefined;
    const ws = wsClient(gw.url, { token, on: { closed: (e) => (closedWith = (e as { code: number }).code) } });
    const sub = follow(ws);
    try {
      await until(() => closedWith !== undefined, 'the socket to close');
      expect(closedWith).toBe(code);
      expect(sub.summaries()).toEqual([]);
    } finally {
      sub.unsubscribe();
      await ws.dispose();
    }
  });

  it('counts for a cluster-scoped caller only its clusters, and refuses another cluster with BAD_USER_INPUT', async () => {
    const eu = wsClient(gw.url, { token: EU_VIEWER.token });
    const mine = follow(eu);
    const other = follow(eu, { filter: { clusters: ['prod-us'] } });
    try {
      await until(() => mine.summaries().length > 0 && other.received.length > 0, 'both answers');
      expect(mine.summaries()[0]!.hosts.byCluster.map((c) => c.cluster)).toEqual(['prod-eu']);
      expect(mine.summaries()[0]).toEqual(await summaryAs(EU_VIEWER));
      expect(other.received[0]!.result.errors?.[0]).toMatchObject({ message: 'filter.clusters: no cluster named prod-us', extensions: { code: 'BAD_USER_INPUT' } });
    } finally {
      mine.unsubscribe();
      other.unsubscribe();
      await eu.dispose();
    }
  });
});

describe('with a cluster down', () => {
  beforeAll(() => gw.fleet.cluster('staging').down());
  afterAll(() => gw.fleet.cluster('staging').up());

  it('counts the others and names the one that failed (CLUSTER_UNAVAILABLE)', async () => {
    const answer = () => gw.query<{ summary: Summary }>(SUMMARY, {}, { token: VIEWER.token });
    const counted = (r: Awaited<ReturnType<typeof answer>>) => JSON.stringify(withoutStatuses(r.data!.summary)) === JSON.stringify(simCounts(gw.fleet, { clusters: ['prod-eu', 'prod-us'] }));
    const { data, errors } = await eventually(answer, counted, 15_000).catch(answer);
    expect(errors).toEqual([expect.objectContaining({ extensions: expect.objectContaining({ code: 'CLUSTER_UNAVAILABLE', cluster: 'staging' }) })]);
    expect(data!.summary.hosts.byCluster.map((c) => c.cluster)).toEqual(['prod-eu', 'prod-us']);
    expect(withoutStatuses(data!.summary)).toEqual(simCounts(gw.fleet, { clusters: ['prod-eu', 'prod-us'] }));
  });
});
