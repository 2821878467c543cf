// The kube client's own guard, behind the gateway's input validation: a write naming no object
// (an empty name, `..`, a slash, a lone surrogate) is refused before anything is sent, so it
// cannot become a request to a collection URL; a read of one answers "not there".
import { clientsFromKubeconfigDocument, InvalidObjectPathError, type ClusterClient } from '../../src/kube/index.js';
import { startSimFleet, type SimFleet } from '../../src/sim/fleet.js';
import { resourceByKind } from '../../src/sim/resources.js';

let fleet: SimFleet;
let client: ClusterClient;

beforeAll(async () => {
  fleet = await startSimFleet({ clusters: 1, seed: 'demo' });
  client = clientsFromKubeconfigDocument({ document: fleet.kubeconfig(), timeoutMs: 3000 })[0]!;
});
afterAll(() => fleet.stop());

const counters = () => fleet.clusters[0]!.counters;
const deployments = () => fleet.clusters[0]!.store.list(resourceByKind('Deployment')).length;

const BAD_NAMES = [['empty', ''], ['.', '.'], ['..', '..'], ['a slash', 'a/b'], ['a percent sign', '%2F'], ['a lone surrogate', 'web\ud800']] as const;
const WRITES: readonly [string, (name: string, namespace: string) => Promise<unknown>][] = [
  ['delete', (name, namespace) => client.delete('Deployment', name, { namespace })],
  ['patch', (name, namespace) => client.patch('Deployment', name, { spec: { replicas: 0 } }, { namespace })],
  ['update', (name, namespace) => client.update('Deployment', name, () => undefined, { namespace })],
  ['evict', (name, namespace) => client.evict(name, namespace)],
];

describe.each(WRITES)('%s', (_verb, write) => {
  it.each(BAD_NAMES)('refuses a name that is %s, sending nothing', async (_title, name) => {
    counters().reset();
    const before = deployments();
    await expect(write(name, 'acme-production')).rejects.toBeInstanceOf(InvalidObjectPathError);
    expect(counters().snapshot()).toEqual({});
    expect(deployments()).toBe(before);
  });

  it.each(BAD_NAMES)('refuses a namespace that is %s, sending nothing', async (_title, namespace) => {
    counters().reset();
    await expect(write('api', namespace)).rejects.toBeInstanceOf(InvalidObjectPathError);
    expect(counters().snapshot()).toEqual({});
  });
});

it('refuses to create into a namespace that is no path segment', async () => {
  counters().reset();
  const body = { metadata: { name: 'x' }, spec: { selector: { matchLabels: { app: 'x' } }, template: { metadata: { labels: { app: 'x' } }, spec: { containers: [{ name: 'x', image: 'nginx' }] } } } };
  await expect(client.create('Deployment', body, { namespace: '' })).rejects.toBeInstanceOf(InvalidObjectPathError);
  await expect(client.create('Deployment', body)).rejects.toBeInstanceOf(InvalidObjectPathError);
  expect(counters().snapshot()).toEqual({});
});

it.each(BAD_NAMES)('answers a read of a name that is %s with nothing, sending nothing', async (_title, name) => {
  counters().reset();
  expect(await client.get('Deployment', name, { namespace: 'acme-production' })).toBeUndefined();
  expect(counters().snapshot()).toEqual({});
});

it('still deletes a real Deployment by its name', async () => {
  expect(await client.delete('Deployment', 'web', { namespace: 'acme-production' })).toBe(true);
  expect(counters().total('deletecollection')).toBe(0);
});
