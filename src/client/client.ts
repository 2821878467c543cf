// A small typed client of the gateway: queries and mutations over HTTP, subscriptions over
// graphql-ws, both taking the typed documents from schema/operations/ so results need no
// hand-written interfaces.
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { type DocumentNode, type FormattedExecutionResult, type GraphQLFormattedError, print } from 'graphql';
import { type Client, createClient } from 'graphql-ws';
import { FleetgraphError, fromSocketFailure } from './errors.js';

export interface FleetgraphClientOptions {
  /** the gateway's GraphQL endpoint, e.g. http://127.0.0.1:4000/graphql; subscriptions use the same URL as ws(s):// */
  url: string;
  /** sent as `Authorization: Bearer <token>` over HTTP and in graphql-ws connection_init; default none */
  token?: string;
  /** default the global fetch */
  fetch?: typeof fetch;
  /** a WebSocket constructor (in Node 20, `ws`'s default export); default the global WebSocket */
  webSocketImpl?: unknown;
}

/** Variables as a call takes them: optional when the document needs none. */
type VariablesArg<V> = Record<string, never> extends V ? [variables?: V] : [variables: V];

export interface FleetgraphClient {
  /** runs a query or mutation; rejects with a FleetgraphError when the answer has any error */
  request<R, V extends Record<string, unknown>>(document: TypedDocumentNode<R, V>, ...variables: VariablesArg<V>): Promise<R>;
  /** runs a query or mutation and resolves with the whole answer, errors beside partial data; rejects only for transport failures */
  execute<R, V extends Record<string, unknown>>(document: TypedDocumentNode<R, V>, ...variables: VariablesArg<V>): Promise<FormattedExecutionResult<R>>;
  /**
   * subscribes over graphql-ws (one socket per client, opened on first use); each event's data in
   * order. The iteration throws a FleetgraphError on a failure; leaving it (break, return) unsubscribes.
   */
  subscribe<R, V extends Record<string, unknown>>(document: TypedDocumentNode<R, V>, ...variables: VariablesArg<V>): AsyncIterableIterator<R>;
  /** closes the socket, if one is open */
  dispose(): Promise<void>;
}

export function createFleetgraphClient({ url, token, fetch: fetchImpl = globalThis.fetch, webSocketImpl }: FleetgraphClientOptions): FleetgraphClient {
  const authorization: Record<string, string> = token === undefined ? {} : { authorization: `Bearer ${token}` };
  let socket: Client | undefined;

  async function post(document: DocumentNode, variables: unknown): Promise<{ result: FormattedExecutionResult<unknown>; status: number }> {
    let response: Response;
    try {
      response = await fetchImpl(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json', ...authorization },
        body: JSON.stringify({ query: print(document), variables }),
      });
    } catch (err) {
      const cause = (err as { cause?: { code?: string; message?: string } }).cause;
      const detail = cause?.code ?? cause?.message ?? (err as Error).message;
      throw new FleetgraphError({ message: `Cannot reach ${url}: ${detail}`, code: 'NETWORK_ERROR', cause: err });
    }
    const text = await response.text();
    let body: FormattedExecutionResult<unknown>;
    try {
      body = JSON.parse(text) as FormattedExecutionResult<unknown>;
    } catch {
      throw new FleetgraphError({ message: `${url} answered ${response.status} ${response.statusText} without a GraphQL response`, code: 'BAD_RESPONSE', status: response.status });
    }
    if (typeof body !== 'object' || body === null || (!('data' in body) && !('errors' in body))) {
      throw new FleetgraphError({ message: `${url} answered ${response.status} without a GraphQL response`, code: 'BAD_RESPONSE', status: response.status });
    }
    return { result: body, status: response.status };
  }

  function ws(): Client {
    socket ??= createClient({
      url: url.replace(/^http/, 'ws'),
      webSocketImpl,
      connectionParams: authorization,
      // A command or a script wants the failure, not minutes of reconnecting.
      retryAttempts: 0,
      // graphql-ws logs fatal closes to the console unless someone listens.
      onNonLazyError: () => {},
    });
    return socket;
  }

  return {
    async request<R>(document: DocumentNode, variables?: unknown) {
      const { result, status } = await post(document, variables);
      if (result.errors?.length) throw FleetgraphError.fromErrors(result.errors, { status, data: result.data });
      return result.data as R;
    },
    async execute<R>(document: DocumentNode, variables?: unknown) {
      const { result } = await post(document, variables);
      return result as FormattedExecutionResult<R>;
    },
    subscribe<R>(document: DocumentNode, variables?: unknown) {
      return events<R>(ws(), document, variables);
    },
    async dispose() {
      await socket?.dispose();
      socket = undefined;
    },
  };
}

async function* events<R>(client: Client, document: DocumentNode, variables: unknown): AsyncGenerator<R> {
  const results: AsyncIterableIterator<FormattedExecutionResult<R, unknown>> = client.iterate<R>({ query: print(document), variables: variables as Record<string, unknown> | undefined });
  try {
    for (;;) {
      let step: IteratorResult<FormattedExecutionResult<R, unknown>>;
      try {
        step = await results.next();
      } catch (err) {
        throw fromSocketFailure(err);
      }
      if (step.done) return;
      const { data, errors } = step.value;
      if (errors?.length) throw FleetgraphError.fromErrors(errors as GraphQLFormattedError[], { data });
      yield data as R;
    }
  } finally {
    await results.return?.(undefined);
  }
}
