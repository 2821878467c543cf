// replicas are bounded: 0 to MAX_REPLICAS (default 10,000) for scaleWorkload and deployWorkload.
import { type TestGateway, startTestGateway } from '../support/gateway.js';

const SCALE = 'mutation($input: ScaleWorkloadInput!) { scaleWorkload(input: $input) { replicas } }';
const DEPLOY = 'mutation($input: DeployWorkloadInput!) { deployWorkload(input: $input) { replicas } }';
const workload = { cluster: 'staging', namespace: 'acme-staging', kind: 'DEPLOYMENT', name: 'web' };
const deploy = (name: string, replicas: number) => ({ environment: 'acme:staging', cluster: 'staging', name, replicas, podTemplate: { spec: { containers: [{ name: 'web', image: 'nginx:1.27' }] } } });

let gw: TestGateway;
beforeAll(async () => {
  gw = await startTestGateway({ clusters: 3, seed: 'demo', maxReplicas: 5 });
});
afterAll(() => gw.stop());

it.each([
  ['scaleWorkload', SCALE, { workload, replicas: 6 }],
  ['deployWorkload', DEPLOY, deploy('six', 6)],
])('%s refuses more replicas than MAX_REPLICAS', async (_name, doc, input) => {
  const { errors } = await gw.query(doc, { input });
  expect(errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  expect(errors?.[0]?.message).toBe('input.replicas: must be a whole number of at most 5 (MAX_REPLICAS), got 6');
  expect(gw.fleet.cluster('staging').counters.total('patch') + gw.fleet.cluster('staging').counters.total('create')).toBe(0);
});

it.each([
  ['scaleWorkload', SCALE, { workload, replicas: 5 }],
  ['deployWorkload', DEPLOY, deploy('five', 5)],
])('%s accepts MAX_REPLICAS', async (name, doc, input) => {
  const { data, errors } = await gw.query<Record<string, { replicas: number }>>(doc, { input });
  expect(errors).toBeUndefined();
  expect(data![name]!.replicas).toBe(5);
});
