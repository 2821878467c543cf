// What the HTTP side allows beside the query: the body size, the deadline, the response
// size, and the headers it sends.
import { startTestGateway, type TestGateway } from '../support/gateway.js';

let gateway: TestGateway;
beforeAll(async () => {
  gateway = await startTestGateway({ limits: { maxBodyBytes: 4096 } });
});
afterAll(async () => {
  await gateway?.stop();
});

function post(body: string): Promise<Response> {
  return fetch(gateway.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
}

describe('the request body', () => {
  it.each([
    ['over HTTP_MAX_BODY_BYTES', JSON.stringify({ query: `{ clusters { name } } # ${'x'.repeat(5000)}` }), 413, 'request body is over the limit of 4096 bytes (HTTP_MAX_BODY_BYTES)'],
    ['not JSON', '{"query": ', 400, 'request body is not valid JSON'],
  ])('%s is a JSON GraphQL error BAD_USER_INPUT, not an HTML page', async (_case, body, status, message) => {
    const response = await post(body);
    expect(response.status).toBe(status);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await response.json()).toEqual({ errors: [{ message, extensions: { code: 'BAD_USER_INPUT' } }] });
  });

  it('within the limit is answered', async () => {
    const response = await post(JSON.stringify({ query: `{ clusters { name } } # ${'x'.repeat(3000)}` }));
    expect(response.status).toBe(200);
    expect(((await response.json()) as { data: { clusters: unknown[] } }).data.clusters).toHaveLength(3);
  });
});

describe('a GET query', () => {
  const get = (query: string, variables?: object) => {
    const params = new URLSearchParams({ query, ...(variables ? { variables: JSON.stringify(variables) } : {}) });
    return fetch(`${gateway.url}?${params}`, { headers: { 'apollo-require-preflight': 'true' } });
  };

  it('is held to the same limits, variables included', async () => {
    const response = await get('query($n: Int) { workloads(first: $n) { nodes { pods { host { pods { name } } } } } }', { n: 1000 });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { errors: { extensions: { code: string; limit: string } }[] };
    expect(body.errors.map((e) => [e.extensions.code, e.extensions.limit])).toEqual([['QUERY_TOO_COMPLEX', 'cost']]);
  });

  it('is answered within them', async () => {
    const response = await get('{ clusters { name } }');
    expect(((await response.json()) as { data: { clusters: unknown[] } }).data.clusters).toHaveLength(3);
  });
});

it('sends no X-Powered-By', async () => {
  const answered = await post(JSON.stringify({ query: '{ clusters { name } }' }));
  const refused = await post('not json');
  expect(answered.headers.has('x-powered-by')).toBe(false);
  expect(refused.headers.has('x-powered-by')).toBe(false);
});

describe('QUERY_TIMEOUT_MS', () => {
  let slow: TestGateway;
  beforeAll(async () => {
    slow = await startTestGateway({ fleet: gateway.fleet, timeoutMs: 60_000, limits: { timeoutMs: 300 } });
  });
  afterAll(async () => {
    gateway.fleet.cluster('staging').faults.set({});
    await slow?.stop();
  });

  it('stops a query past its deadline with one QUERY_TOO_COMPLEX error, while other requests are answered', async () => {
    // staging answers after 5 s: far past the 300 ms deadline, far within the per-call limit.
    gateway.fleet.cluster('staging').faults.set({ latencyMs: 5000, match: { verb: 'list' } });
    let heavyDone = false;
    const heavy = slow.query('{ hosts { nodes { name pods { name } } } }').finally(() => (heavyDone = true));
    const small = await slow.query<{ clusters: { name: string }[] }>('{ clusters { name } }');
    expect(small.data!.clusters).toHaveLength(3);
    expect(heavyDone).toBe(false);
    const stopped = await heavy;
    expect(stopped.errors).toEqual([
      { message: 'query ran longer than 300 ms and was stopped (QUERY_TIMEOUT_MS)', locations: expect.any(Array), path: expect.any(Array), extensions: { code: 'QUERY_TOO_COMPLEX', limit: 'timeout', max: 300 } },
    ]);
  });
});

describe('QUERY_MAX_RESPONSE_BYTES', () => {
  let capped: TestGateway;
  beforeAll(async () => {
    capped = await startTestGateway({ fleet: gateway.fleet, limits: { maxResponseBytes: 2048 } });
  });
  afterAll(async () => {
    await capped?.stop();
  });

  it('replaces a larger response by one error saying its size', async () => {
    const response = await capped.query('{ hosts(first: 1000) { nodes { name labels { key value } conditions { type status message } } } }');
    expect(response.data).toBeUndefined();
    expect(response.errors).toHaveLength(1);
    expect(response.errors![0]!.message).toMatch(/^response of \d+ bytes is over the limit of 2048 bytes by \d+ \(QUERY_MAX_RESPONSE_BYTES\)$/);
    expect(response.errors![0]!.extensions).toEqual(expect.objectContaining({ code: 'QUERY_TOO_COMPLEX', limit: 'responseBytes', max: 2048 }));
  });

  it('sends a smaller one', async () => {
    expect((await capped.query('{ clusters { name } }')).errors).toBeUndefined();
  });
});
