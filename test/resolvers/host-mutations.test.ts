// cordonHost / uncordonHost end to end: the node as kubectl would leave it, and the host as a
// client reads it afterwards.
import { CordonHostDocument, HostsDocument, UncordonHostDocument } from '../../schema/generated/graphql.js';
import { resourceByKind } from '../../src/sim/resources.js';
import { startTestGateway, type TestGateway } from '../support/gateway.js';

const CORDON = `mutation($c: String!, $n: String!) { cordonHost(cluster: $c, name: $n) { name } }`;

let gw: TestGateway;
beforeAll(async () => {
  gw = await startTestGateway({ clusters: 3, seed: 'demo', speed: 20 });
});
afterAll(() => gw.stop());

const nodeSpec = (cluster: string, name: string) => gw.fleet.cluster(cluster).store.get(resourceByKind('Node'), undefined, name)?.spec;

describe('cordonHost and uncordonHost', () => {
  it('cordons a host: the node is unschedulable and the host reads CORDONED', async () => {
    const { cordonHost } = await gw.client().request(CordonHostDocument, { cluster: 'prod-eu', name: 'prod-eu-node-2' });
    expect(cordonHost).toMatchObject({ name: 'prod-eu-node-2', status: 'CORDONED', unschedulable: true, cluster: { name: 'prod-eu' } });
    expect(nodeSpec('prod-eu', 'prod-eu-node-2')).toMatchObject({ unschedulable: true });

    const { hosts } = await gw.client().request(HostsDocument, { filter: { clusters: ['prod-eu'], status: ['CORDONED'] } });
    expect(hosts.nodes.map((h) => h.name)).toEqual(['prod-eu-node-2']);
  });

  it('cordons twice without harm, and uncordons back to ACTIVE with the field removed', async () => {
    const client = gw.client();
    const node = { cluster: 'prod-us', name: 'prod-us-node-3' };
    await client.request(CordonHostDocument, node);
    const again = await client.request(CordonHostDocument, node);
    expect(again.cordonHost.status).toBe('CORDONED');

    const { uncordonHost } = await client.request(UncordonHostDocument, node);
    expect(uncordonHost).toMatchObject({ status: 'ACTIVE', unschedulable: false });
    expect(nodeSpec('prod-us', 'prod-us-node-3')).not.toHaveProperty('unschedulable');
  });

  it.each([
    ['an unknown cluster', 'NOT_FOUND', 'nowhere', 'prod-eu-node-2', 'no cluster named "nowhere"'],
    ['an unknown host', 'NOT_FOUND', 'staging', 'prod-eu-node-2', 'no host named "prod-eu-node-2" in cluster "staging"'],
  ])('answers %s with %s', async (_title, code, cluster, name, message) => {
    const { data, errors } = await gw.query(CORDON, { c: cluster, n: name });
    expect(data).toBeNull();
    expect(errors).toEqual([expect.objectContaining({ message: expect.stringContaining(message), extensions: { code } })]);
  });

  it('answers CLUSTER_UNAVAILABLE for a cluster that is down, changing nothing', async () => {
    const staging = gw.fleet.cluster('staging');
    await staging.down();
    try {
      const { errors } = await gw.query(CORDON, { c: 'staging', n: 'staging-node-2' });
      expect(errors).toEqual([expect.objectContaining({ extensions: { code: 'CLUSTER_UNAVAILABLE', cluster: 'staging' } })]);
    } finally {
      await staging.up();
    }
    expect(nodeSpec('staging', 'staging-node-2')).not.toHaveProperty('unschedulable');
  });
});
