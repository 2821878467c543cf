// An HTTP endpoint for sink tests: records every POST (its Authorization header and JSON body)
// and can go away and come back on the same port.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { SinkPayload } from '../../src/sinks/index.js';

export interface Received {
  authorization: string | undefined;
  payload: SinkPayload;
}

export interface Receiver {
  readonly url: string;
  readonly received: Received[];
  /** Refuses connections until reopen: closes the listener and every open connection. */
  close(): Promise<void>;
  reopen(): Promise<void>;
}

export async function startReceiver(): Promise<Receiver> {
  const received: Received[] = [];
  const serve = (port: number) =>
    new Promise<Server>((resolve, reject) => {
      const server = createServer((request, response) => {
        const chunks: Buffer[] = [];
        request.on('data', (chunk: Buffer) => chunks.push(chunk));
        request.on('end', () => {
          received.push({ authorization: request.headers.authorization, payload: JSON.parse(Buffer.concat(chunks).toString('utf8')) as SinkPayload });
          response.writeHead(204).end();
        });
      });
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => resolve(server));
    });
  let server: Server | undefined = await serve(0);
  const { port } = server.address() as AddressInfo;
  const close = async () => {
    const closing = server;
    server = undefined;
    if (!closing) return;
    closing.closeAllConnections();
    await new Promise<void>((resolve) => closing.close(() => resolve()));
  };
  return {
    url: `http://127.0.0.1:${port}/events`,
    received,
    close,
    async reopen() {
      server ??= await serve(port);
    },
  };
}

/** Every event received, in arrival order. */
export function eventsOf(receiver: Receiver) {
  return receiver.received.flatMap(({ payload }) => payload.events);
}
