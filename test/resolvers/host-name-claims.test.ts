// One host name, one environment, whatever the timing: createEnvironment and updateEnvironment
// racing for a name, many rounds each, against the demo fleet (acme:production holds
// www.acme.example in its clusters). Checked through the answers, the clusters and the store.
import { randomUUID } from 'node:crypto';
import { ENVIRONMENT_NAME_ANNOTATION, HOST_NAMES_ANNOTATION } from '../../src/model/environment-labels.js';
import { resourceByKind } from '../../src/sim/resources.js';
import { startTestGateway, type GraphQLResponse, type TestGateway } from '../support/gateway.js';

const CREATE = 'mutation($i: CreateEnvironmentInput!) { createEnvironment(input: $i) { name hostNames } }';
const UPDATE = 'mutation($i: UpdateEnvironmentInput!) { updateEnvironment(input: $i) { name hostNames } }';
const DELETE = 'mutation($n: String!) { deleteEnvironment(name: $n) }';
const ROUNDS = 8;
const NAMESPACE = resourceByKind('Namespace');

let gw: TestGateway;
beforeAll(async () => {
  gw = await startTestGateway({ clusters: 3, seed: 'demo', speed: 20 });
  // Two environments for the update races, holding names of their own.
  for (const [name, host] of [['race:p', 'p.race.example'], ['race:q', 'q.race.example']]) {
    const { errors } = await gw.query(CREATE, { i: { name, clusters: ['prod-eu', 'staging'], hostNames: [host] } });
    expect(errors).toBeUndefined();
  }
});
afterAll(() => gw.stop());

/** A claim of `host` for environment `name`, as one mutation. */
interface Claimant {
  name: string;
  run(host: string): Promise<GraphQLResponse>;
}

let fresh = 0;
const creator = (): Claimant => {
  const name = `race:c${++fresh}`;
  return { name, run: (host) => gw.query(CREATE, { i: { name, clusters: ['prod-eu', 'prod-us'], hostNames: [host] } }) };
};
const updater = (name: string): Claimant => ({ name, run: (host) => gw.query(UPDATE, { i: { name, hostNames: [host, `${name.slice(5)}.race.example`] } }) });

/** The environments whose namespaces carry `host`, in any cluster. */
function holdersInClusters(host: string): string[] {
  const holders = gw.fleet.clusters.flatMap((c) =>
    c.store
      .list(NAMESPACE)
      .filter((ns) => (ns.metadata.annotations?.[HOST_NAMES_ANNOTATION] ?? '').split(/\s+/).includes(host))
      .map((ns) => ns.metadata.annotations?.[ENVIRONMENT_NAME_ANNOTATION] as string),
  );
  return [...new Set(holders)];
}

describe.each<[string, () => [Claimant, Claimant]]>([
  ['create against create', () => [creator(), creator()]],
  ['create against update', () => [creator(), updater('race:p')]],
  ['update against update', () => [updater('race:p'), updater('race:q')]],
])('%s', (_title, claimants) => {
  it(`lets exactly one claim win, ${ROUNDS} rounds out of ${ROUNDS}`, async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const host = `r${round}-${randomUUID().slice(0, 8)}.race.example`;
      const [a, b] = claimants();
      const answers = await Promise.all([a.run(host), b.run(host)]);
      const winners = [a, b].filter((_, i) => !answers[i]!.errors);
      expect(winners).toHaveLength(1);
      const winner = winners[0]!.name;
      const loser = answers.find((r) => r.errors)!;
      expect(loser.data).toBeNull();
      expect(loser.errors).toEqual([
        expect.objectContaining({ message: `hostNames: "${host}" belongs to environment ${winner}`, extensions: expect.objectContaining({ code: 'CONFLICT' }) }),
      ]);
      expect(holdersInClusters(host)).toEqual([winner]);
      expect(await gw.store.hostNames.get(host)).toMatchObject({ environment: winner, state: 'held' });
    }
  });
});

describe('claims and the clusters', () => {
  it('releases names an update drops, and every name on delete', async () => {
    const create = await gw.query(CREATE, { i: { name: 'race:rel', clusters: ['staging'], hostNames: ['a.rel.example', 'b.rel.example'] } });
    expect(create.errors).toBeUndefined();
    const update = await gw.query(UPDATE, { i: { name: 'race:rel', hostNames: ['b.rel.example'] } });
    expect(update.errors).toBeUndefined();
    expect((await gw.store.hostNames.listFor('race:rel')).map((c) => c.host)).toEqual(['b.rel.example']);
    // The dropped name is free for another environment at once.
    const other = await gw.query(CREATE, { i: { name: 'race:rel2', clusters: ['staging'], hostNames: ['a.rel.example'] } });
    expect(other.errors).toBeUndefined();
    expect((await gw.query(DELETE, { n: 'race:rel' })).errors).toBeUndefined();
    expect(await gw.store.hostNames.listFor('race:rel')).toEqual([]);
    expect(await gw.store.hostNames.get('a.rel.example')).toMatchObject({ environment: 'race:rel2' });
  });

  it('gives the claim back when the cluster writes fail', async () => {
    const staging = gw.fleet.cluster('staging');
    staging.faults.set({ errorRate: 1, match: { verb: 'create', resource: 'secrets' } });
    try {
      const { errors } = await gw.query(CREATE, { i: { name: 'race:fail', clusters: ['prod-eu', 'staging'], hostNames: ['fail.race.example'] } });
      expect(errors?.[0]?.extensions?.code).toBe('CLUSTER_UNAVAILABLE');
    } finally {
      staging.faults.clear();
    }
    expect(await gw.store.hostNames.get('fail.race.example')).toBeUndefined();
    const retry = await gw.query(CREATE, { i: { name: 'race:other', clusters: ['prod-eu'], hostNames: ['fail.race.example'] } });
    expect(retry.errors).toBeUndefined();
  });

  it('still refuses a name that only the clusters say is held (written before claims, or by another tool)', async () => {
    expect(await gw.store.hostNames.get('www.acme.example')).toBeUndefined();
    const { errors } = await gw.query(CREATE, { i: { name: 'race:www', clusters: ['staging'], hostNames: ['www.acme.example'] } });
    expect(errors).toEqual([expect.objectContaining({ message: 'hostNames: "www.acme.example" belongs to environment acme:production', extensions: expect.objectContaining({ code: 'CONFLICT' }) })]);
  });

  it('refuses a name claimed by a call still writing, naming its environment', async () => {
    await gw.store.hostNames.insert({ host: 'busy.race.example', environment: 'race:busy', state: 'pending', token: randomUUID(), at: new Date() });
    const { errors } = await gw.query(CREATE, { i: { name: 'race:late', clusters: ['staging'], hostNames: ['busy.race.example'] } });
    expect(errors).toEqual([expect.objectContaining({ message: 'hostNames: "busy.race.example" belongs to environment race:busy', extensions: expect.objectContaining({ code: 'CONFLICT' }) })]);
  });

  it.each([
    ['pending long past the time a call takes (a gateway died mid-call)', { state: 'pending' as const, at: new Date(Date.now() - 3_600_000) }],
    ['held by an environment the clusters no longer have (deleted by another tool)', { state: 'held' as const, at: new Date() }],
  ])('takes over a stale claim: %s', async (_title, claim) => {
    const host = `stale-${claim.state}.race.example`;
    await gw.store.hostNames.insert({ host, environment: 'race:gone', token: randomUUID(), ...claim });
    const { errors } = await gw.query(CREATE, { i: { name: `race:heir-${claim.state}`, clusters: ['staging'], hostNames: [host] } });
    expect(errors).toBeUndefined();
    expect(await gw.store.hostNames.get(host)).toMatchObject({ environment: `race:heir-${claim.state}`, state: 'held' });
  });
});
