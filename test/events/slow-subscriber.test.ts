// A subscriber that stops reading is ended with a clear error once its queue is full; the
// others keep every event. The slow one is a raw graphql-transport-ws client whose socket
// is paused, so the gateway's writes to it back up as they would over a stalled network.
import WebSocket from 'ws';
import { resourceByKind } from '../../src/sim/resources.js';
import { startTestGateway, type TestGateway } from '../support/gateway.js';
import { subscribe, waitFor, wsClient } from '../support/subscriptions.js';

const QUEUE_LIMIT = 50;
const DEPLOYMENT = resourceByKind('Deployment');
const FILTER = '{ clusters: ["prod-eu"], kinds: [DEPLOYMENT] }';
// A large label (the simulator does not limit values) makes each event large, so the paused
// socket's buffers fill after a few dozen events rather than thousands.
const BALLAST = 'x'.repeat(200_000);
const BIG = 'resource { ... on Workload { labels { key value } } }';

let gw: TestGateway;
beforeAll(async () => {
  gw = await startTestGateway({ clusters: 1, speed: 20, watch: { queueLimit: QUEUE_LIMIT } });
});
afterAll(() => gw.stop());

interface Message {
  id?: string;
  type: string;
  payload?: { errors?: { message: string; extensions?: { code?: string; reason?: string } }[] };
}

/** Connects, subscribes, then stops reading; `resume()` reads again. */
async function stalledSubscriber(url: string, query: string): Promise<{ messages: Message[]; resume: () => void; close: () => void }> {
  const socket = new WebSocket(url.replace(/^http/, 'ws'), 'graphql-transport-ws');
  const messages: Message[] = [];
  socket.on('message', (data: Buffer) => messages.push(JSON.parse(data.toString()) as Message));
  await new Promise((resolve) => socket.once('open', resolve));
  socket.send(JSON.stringify({ type: 'connection_init' }));
  await waitFor(() => messages.some((m) => m.type === 'connection_ack'));
  socket.send(JSON.stringify({ id: 'slow', type: 'subscribe', payload: { query } }));
  socket.pause();
  return { messages, resume: () => socket.resume(), close: () => socket.close() };
}

const subscribers = () => gw.resourceEvents.streams().find((s) => s.cluster === 'prod-eu' && s.kind === 'Deployment')?.subscribers ?? 0;

it('ends a subscriber that does not read, with QUERY_TOO_COMPLEX, and leaves the others whole', async () => {
  const client = wsClient(gw.url);
  const fast = subscribe<{ resourceChanged: { name: string; resourceVersion: string } }>(client, `subscription { resourceChanged(filter: ${FILTER}) { name resourceVersion } }`);
  const slow = await stalledSubscriber(gw.url, `subscription { resourceChanged(filter: ${FILTER}) { name ${BIG} } }`);
  const store = gw.fleet.cluster('prod-eu').store;
  const made: string[] = [];
  const stopListening = store.listen((ev) => {
    if (ev.rt === DEPLOYMENT) made.push(`${ev.object.metadata.name}@${ev.object.metadata.resourceVersion}`);
  });
  try {
    await waitFor(() => subscribers() === 2 && gw.resourceEvents.streams()[0]?.state.phase === 'watching');
    // Change things until the stalled subscriber is let go (its buffers fill first), within bounds.
    for (let round = 0; subscribers() === 2; round++) {
      if (round > 200) throw new Error('the stalled subscriber was never ended');
      for (let i = 0; i < 20; i++) {
        store.mutate(DEPLOYMENT, 'acme-production', 'api', (d) => {
          d.metadata.labels = { ...d.metadata.labels, round: `${round}-${i}`, ballast: BALLAST };
        });
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    store.mutate(DEPLOYMENT, 'default', 'nginx', (d) => {
      d.metadata.labels = { ...d.metadata.labels, last: 'yes' };
    });
    await fast.until((r) => r.some((x) => x.data?.resourceChanged.name === 'nginx'), 10_000);
    expect(fast.data().map((d) => `${d.resourceChanged.name}@${d.resourceChanged.resourceVersion}`)).toEqual(made);

    slow.resume();
    await waitFor(() => slow.messages.some((m) => m.id === 'slow' && m.type === 'complete'), 10_000);
    const last = slow.messages.filter((m) => m.id === 'slow' && m.type === 'next').at(-1);
    expect(last?.payload?.errors).toEqual([
      expect.objectContaining({
        message: `subscriber too slow: more than ${QUEUE_LIMIT} events pending; resubscribe, or narrow the filter`,
        extensions: { code: 'QUERY_TOO_COMPLEX', reason: 'SUBSCRIBER_TOO_SLOW', limit: QUEUE_LIMIT },
      }),
    ]);
  } finally {
    stopListening();
    slow.close();
    fast.unsubscribe();
    await client.dispose();
  }
});
