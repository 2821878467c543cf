// The real transport against a local endpoint: what each kind of failure becomes.
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { httpPoster } from '../../src/sinks/post.js';
import type { SinkPayload } from '../../src/sinks/index.js';

const payload: SinkPayload = { sink: 's', sentAt: '2025-01-01T00:00:00.000Z', events: [] };
let server: Server;
let url: string;
let answer: (response: ServerResponse) => void;
const requests: { authorization?: string; contentType?: string; body: string }[] = [];

beforeAll(async () => {
  server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      requests.push({ authorization: request.headers.authorization, contentType: request.headers['content-type'], body });
      answer(response);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

describe('httpPoster', () => {
  it.each<[string, (r: ServerResponse) => void, unknown]>([
    ['204', (r) => r.writeHead(204).end(), { kind: 'delivered' }],
    ['429 with Retry-After', (r) => r.writeHead(429, { 'retry-after': '3' }).end('slow down'), { kind: 'retry', reason: 'HTTP 429', retryAfterMs: 3000 }],
    ['503', (r) => r.writeHead(503).end(), { kind: 'retry', reason: 'HTTP 503' }],
    ['401', (r) => r.writeHead(401).end(), { kind: 'rejected', reason: 'HTTP 401' }],
  ])('%s', async (_name, respond, expected) => {
    answer = respond;
    const post = httpPoster({ url, timeoutMs: 2000 });
    expect(await post(payload, new AbortController().signal)).toEqual(expected);
  });

  it('sends JSON with basic auth', async () => {
    answer = (r) => r.writeHead(200).end();
    requests.length = 0;
    await httpPoster({ url, timeoutMs: 2000, auth: { username: 'u', password: 'p:w' } })(payload, new AbortController().signal);
    expect(requests).toEqual([{ authorization: `Basic ${Buffer.from('u:p:w').toString('base64')}`, contentType: 'application/json', body: JSON.stringify(payload) }]);
  });

  it('times out an endpoint that does not answer', async () => {
    answer = () => {}; // never
    const post = httpPoster({ url, timeoutMs: 100 });
    expect(await post(payload, new AbortController().signal)).toEqual({ kind: 'retry', reason: 'timed out' });
  });

  it('retries a refused connection', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise((resolve) => closed.close(resolve));
    const post = httpPoster({ url: `http://127.0.0.1:${port}/`, timeoutMs: 2000 });
    expect(await post(payload, new AbortController().signal)).toEqual({ kind: 'retry', reason: 'ECONNREFUSED' });
  });
});
