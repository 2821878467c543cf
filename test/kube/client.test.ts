// The kube client against simulated clusters: what it answers, and how each kind of failure is typed.
import {
  clientsFromKubeconfigDocument,
  clientsFromKubeconfigFile,
  KubeCallError,
  KubeconfigError,
  type ClusterClient,
} from '../../src/kube/index.js';
import type { FaultSettings } from '../../src/sim/faults.js';
import { startSimFleet, type SimFleet } from '../../src/sim/fleet.js';
import { resourceByKind } from '../../src/sim/resources.js';

let fleet: SimFleet;
let clients: ClusterClient[];

beforeAll(async () => {
  fleet = await startSimFleet({ clusters: 2 });
  // Generous: a loaded CI machine must not turn a good answer into a timeout (the timeout test has its own client).
  clients = clientsFromKubeconfigDocument({ document: fleet.kubeconfig(), timeoutMs: 5000 });
});
afterEach(() => fleet.clusters.forEach((cluster) => cluster.faults.clear()));
afterAll(() => fleet.stop());

async function failureOf(call: Promise<unknown>): Promise<KubeCallError> {
  const err: unknown = await call.then(() => undefined, (e: unknown) => e);
  if (err instanceof KubeCallError) return err;
  throw new Error(`expected a KubeCallError, got ${String(err)}`);
}

describe('clients from a kubeconfig document', () => {
  it('makes one client per context, named after it', () => {
    expect(clients.map(({ name, server }) => ({ name, server }))).toEqual(fleet.clusters.map(({ name, url }) => ({ name, server: url })));
  });

  it('keeps only the contexts asked for, in the order asked', () => {
    const picked = clientsFromKubeconfigDocument({ document: fleet.kubeconfig(), contexts: ['prod-us', 'prod-eu'] });
    expect(picked.map((c) => c.name)).toEqual(['prod-us', 'prod-eu']);
  });

  it('names the contexts it cannot find', () => {
    expect(() => clientsFromKubeconfigDocument({ document: fleet.kubeconfig(), contexts: ['prod-eu', 'mars'] })).toThrow(
      new KubeconfigError('kubeconfig has no context mars (it has prod-eu, prod-us)'),
    );
  });

  it('names a context whose cluster is missing', () => {
    const document = fleet.kubeconfig();
    const broken = { ...document, contexts: [{ name: 'lost', context: { cluster: 'gone', user: 'nobody' } }] };
    expect(() => clientsFromKubeconfigDocument({ document: broken })).toThrow(
      new KubeconfigError('kubeconfig context "lost" names no cluster with a server'),
    );
  });

  it('names a kubeconfig file it cannot read', () => {
    expect(() => clientsFromKubeconfigFile({ path: '/nonexistent/kubeconfig' })).toThrow(/cannot read kubeconfig \/nonexistent\/kubeconfig/);
  });
});

describe('a cluster client', () => {
  it('reads /version and the nodes', async () => {
    const [client] = clients;
    await expect(client!.version()).resolves.toMatchObject({ gitVersion: expect.stringMatching(/^v\d+/) });
    const nodes = await client!.list('Node');
    expect(nodes.items.length).toBeGreaterThan(0);
    expect(nodes.resourceVersion).toEqual(expect.any(String));
  });

  it('types an HTTP error with its status and reason', async () => {
    fleet.clusters[0]!.faults.set({ errorRate: 1, errorStatus: 503 });
    // Time enough to be answered (and retried) on a loaded machine: the answer is what is typed here.
    const patient = clientsFromKubeconfigDocument({ document: fleet.kubeconfig(), contexts: ['prod-eu'], timeoutMs: 1500 })[0]!;
    const err = await failureOf(patient.list('Node'));
    expect(err.failure).toEqual({ kind: 'http', status: 503, reason: 'ServiceUnavailable' });
    expect(err.cluster).toBe('prod-eu');
  });

  it('gives up after its timeout', async () => {
    // Just over the client's timeout: the simulator keeps sleeping on a request its client gave up on.
    fleet.clusters[0]!.faults.set({ latencyMs: 400 });
    const [impatient] = clientsFromKubeconfigDocument({ document: fleet.kubeconfig(), timeoutMs: 200 });
    const err = await failureOf(impatient!.list('Node'));
    expect(err.failure).toEqual({ kind: 'timeout', timeoutMs: 200 });
    expect(err.message).toBe('the API server did not answer within 200 ms');
  });

  it('tells a cancelled call from a timed-out one', async () => {
    const err = await failureOf(clients[0]!.list('Node', { signal: AbortSignal.abort() }));
    expect(err.failure).toEqual({ kind: 'aborted' });
  });

  it('types a refused connection as unreachable', async () => {
    const cluster = fleet.clusters[1]!;
    await cluster.down();
    try {
      const err = await failureOf(clients[1]!.version());
      expect(err.failure).toEqual({ kind: 'unreachable', code: 'ECONNREFUSED' });
    } finally {
      await cluster.up();
    }
  });

  it('retries 429 and 5xx answers within its timeout, honouring Retry-After', async () => {
    const cluster = fleet.clusters[0]!;
    const patient = clientsFromKubeconfigDocument({ document: fleet.kubeconfig(), contexts: ['prod-eu'], timeoutMs: 3000 })[0]!;
    cluster.faults.set({ errorCount: 2, errorStatus: 429, retryAfterSeconds: 1, match: { verb: 'list', resource: 'nodes' } });
    cluster.counters.reset();
    const started = Date.now();
    const nodes = await patient.list('Node');
    expect(nodes.items.length).toBeGreaterThan(0);
    expect(cluster.counters.snapshot()['list nodes']).toBe(3);
    // Two refusals, each asking for a second's patience.
    expect(Date.now() - started).toBeGreaterThanOrEqual(2000);
  });

  it('gives up at once when Retry-After outlasts its timeout', async () => {
    fleet.clusters[0]!.faults.set({ errorCount: 1, errorStatus: 429, retryAfterSeconds: 30 });
    const err = await failureOf(clients[0]!.list('Node'));
    expect(err.failure).toEqual({ kind: 'http', status: 429, reason: 'TooManyRequests' });
  });

  it('reads a long list page by page', async () => {
    const cluster = fleet.clusters[1]!;
    const small = clientsFromKubeconfigDocument({ document: fleet.kubeconfig(), contexts: ['prod-us'], pageSize: 2 })[0]!;
    cluster.counters.reset();
    const pods = await small.list('Pod');
    const names = pods.items.map((p) => `${p.metadata?.namespace}/${p.metadata?.name}`);
    expect(new Set(names).size).toBe(names.length);
    expect(names.length).toBe(cluster.store.count(resourceByKind('Pod')));
    expect(cluster.counters.snapshot()['list pods']).toBe(Math.ceil(names.length / 2));
  });

  it('reads one object, and says undefined for one that does not exist', async () => {
    const [client] = clients;
    await expect(client!.get('Namespace', 'default')).resolves.toMatchObject({ metadata: { name: 'default' } });
    await expect(client!.get('Deployment', 'nope', { namespace: 'default' })).resolves.toBeUndefined();
  });
});

describe('a cluster slower than the timeout (CLUSTER_TIMEOUT_MS)', () => {
  const TIMEOUT_MS = 300;
  // Ten times the timeout: an answer that waited for the cluster would come this late.
  const DELAY_MS = 3000;
  const impatient = () => clientsFromKubeconfigDocument({ document: fleet.kubeconfig(), contexts: ['prod-eu'], timeoutMs: TIMEOUT_MS })[0]!;
  const timedOut = { kind: 'timeout', timeoutMs: TIMEOUT_MS };

  it.each<[string, FaultSettings, (client: ClusterClient) => Promise<unknown>]>([
    ['/version', { latencyMs: DELAY_MS, match: { resource: 'version' } }, (c) => c.version()],
    ['a get', { latencyMs: DELAY_MS, match: { verb: 'get' } }, (c) => c.get('Namespace', 'default')],
    ['a list', { latencyMs: DELAY_MS, match: { verb: 'list' } }, (c) => c.list('Node')],
    ['a list whose body stalls after its headers', { bodyLatencyMs: DELAY_MS, match: { verb: 'list' } }, (c) => c.list('Node')],
    ['/version whose body stalls after its headers', { bodyLatencyMs: DELAY_MS, match: { resource: 'version' } }, (c) => c.version()],
  ])('fails %s as a timeout, before the cluster would have answered', async (_call, faults, call) => {
    fleet.clusters[0]!.faults.set(faults);
    const started = Date.now();
    const err = await failureOf(call(impatient()));
    expect(Date.now() - started).toBeLessThan(DELAY_MS);
    expect(err.failure).toEqual(timedOut);
    expect(err.message).toBe(`the API server did not answer within ${TIMEOUT_MS} ms`);
  });

  it('gives a list one timeout for all its pages, not one per page', async () => {
    const cluster = fleet.clusters[0]!;
    const pages = cluster.store.count(resourceByKind('Pod'));
    // Each page well within the timeout, the pages together far beyond it.
    cluster.faults.set({ latencyMs: TIMEOUT_MS / 3, match: { verb: 'list', resource: 'pods' } });
    cluster.counters.reset();
    const paged = clientsFromKubeconfigDocument({ document: fleet.kubeconfig(), contexts: ['prod-eu'], timeoutMs: TIMEOUT_MS, pageSize: 1 })[0]!;
    const err = await failureOf(paged.list('Pod'));
    expect(err.failure).toEqual(timedOut);
    expect(cluster.counters.snapshot()['list pods']).toBeLessThan(pages);
  });

  it('gives an update one timeout for its read and its write', async () => {
    // Each request within the timeout, the two together beyond it.
    fleet.clusters[0]!.faults.set({ latencyMs: (TIMEOUT_MS * 2) / 3 });
    const err = await failureOf(impatient().update('Namespace', 'default', (ns) => void (ns.metadata!.labels = { ...ns.metadata!.labels, touched: 'yes' })));
    expect(err.failure).toEqual(timedOut);
  });
});
