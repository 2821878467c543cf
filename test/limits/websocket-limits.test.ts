// graphql-ws under the same limits as HTTP, and its own: operations per socket, message
// size, and an error in one subscribe answered on that id without closing the socket.
import type { Client } from 'graphql-ws';
import WebSocket from 'ws';
import { startTestGateway, type TestGateway } from '../support/gateway.js';
import { subscribe, wsClient } from '../support/subscriptions.js';
import { ABUSIVE } from '../../bench/abusive-queries.js';

type Outcome = { data?: unknown; errors?: readonly { message: string; extensions?: Record<string, unknown> }[] };

/** Runs one operation over the socket: its first result, or the errors of its `error` message. */
function once(client: Client, query: string): Promise<Outcome> {
  return new Promise((resolve) => {
    const stop = client.subscribe(
      { query },
      {
        next: (result) => {
          stop();
          resolve(result as Outcome);
        },
        error: (errors) => resolve({ errors: errors as Outcome['errors'] }),
        complete: () => {},
      },
    );
  });
}

let gateway: TestGateway;
let client: Client;
let closes: number[];
beforeAll(async () => {
  gateway = await startTestGateway({ limits: { maxSubscriptionsPerSocket: 3, maxMessageBytes: 20_000 } });
});
beforeEach(() => {
  const mine: number[] = [];
  closes = mine;
  client = wsClient(gateway.url);
  client.on('closed', (event) => mine.push((event as { code: number }).code));
});
afterEach(async () => {
  await client.dispose();
});
afterAll(async () => {
  await gateway?.stop();
});

describe.each(ABUSIVE)('$shape over graphql-ws', ({ query, limit }) => {
  it(`gets an error naming the ${limit} limit, and the socket answers the next one`, async () => {
    const refused = await once(client, query);
    expect(refused.errors!.map((e) => e.extensions?.code)).toContain('QUERY_TOO_COMPLEX');
    expect(refused.errors!.map((e) => e.extensions?.limit)).toContain(limit);
    const next = await once(client, '{ clusters { name } }');
    expect(next.data).toEqual({ clusters: [{ name: 'prod-eu' }, { name: 'prod-us' }, { name: 'staging' }] });
    expect(closes).toEqual([]);
  });
});

describe('an error in one subscribe is an error for that id, not a close of the socket', () => {
  it.each([
    ['a syntax error', '{ clusters { name ', 'Syntax Error: Expected Name, found <EOF>.'],
    ['a validation error', '{ clusters { nom } }', 'Cannot query field "nom" on type "Cluster".'],
  ])('%s', async (_case, query, message) => {
    const live = subscribe(client, 'subscription { resourceChanged { type } }');
    const failed = await once(client, query);
    expect(failed.errors).toEqual([expect.objectContaining({ message: expect.stringContaining(message), extensions: { code: 'BAD_USER_INPUT' } })]);
    expect((await once(client, '{ clusters { name } }')).data).toBeDefined();
    expect(live.completed).toBe(false);
    expect(closes).toEqual([]);
    live.unsubscribe();
  });
});

it('refuses an operation over WS_MAX_SUBSCRIPTIONS on one socket and keeps the others', async () => {
  const open = [1, 2, 3].map(() => subscribe(client, 'subscription { resourceChanged { type } }'));
  const refused = await once(client, '{ clusters { name } }');
  expect(refused.errors).toEqual([
    { message: 'operations open on this socket 4 exceeds the limit of 3 by 1 (WS_MAX_SUBSCRIPTIONS)', extensions: { code: 'QUERY_TOO_COMPLEX', limit: 'subscriptions', max: 3, found: 4 } },
  ]);
  expect(open.every((s) => !s.completed && s.results.length === 0)).toBe(true);
  // Another socket has its own count.
  const other = wsClient(gateway.url);
  try {
    expect((await once(other, '{ clusters { name } }')).data).toBeDefined();
  } finally {
    await other.dispose();
  }
  // graphql-ws sends `complete` before the next `subscribe`, so the place is free by then.
  open[0]!.unsubscribe();
  expect((await once(client, '{ clusters { name } }')).data).toBeDefined();
  open.slice(1).forEach((s) => s.unsubscribe());
});

it('closes a socket that sends a message over WS_MAX_MESSAGE_BYTES (1009)', async () => {
  const socket = new WebSocket(gateway.url.replace(/^http/, 'ws'), 'graphql-transport-ws');
  const acked = new Promise((resolve) => socket.once('message', resolve));
  const closed = new Promise<number>((resolve) => socket.once('close', resolve));
  await new Promise((resolve) => socket.once('open', resolve));
  socket.send(JSON.stringify({ type: 'connection_init' }));
  await acked;
  socket.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query: `{ clusters { name } } # ${'x'.repeat(30_000)}` } }));
  expect(await closed).toBe(1009);
});

it('accepts a message within WS_MAX_MESSAGE_BYTES', async () => {
  expect((await once(client, `{ clusters { name } } # ${'x'.repeat(6000)}`)).data).toBeDefined();
});
