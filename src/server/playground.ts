// GET /graphql from a browser: GraphiQL, served whole from the installed package — scripts,
// styles, fonts and editor workers are inlined — so the page works with no internet access.
import { renderGraphiQL } from '@graphql-yoga/render-graphiql';
import type { NextFunction, Request, RequestHandler, Response } from 'express';

/** The README's example queries, each a tab, so a first visit has something to run. */
export const PLAYGROUND_TABS: readonly { title: string; query: string }[] = [
  { title: 'Clusters', query: '{ clusters { name server source status version error hostCounts { total available } } }' },
  {
    title: 'Workloads',
    query: `{
  workloads(sort: [{ field: CLUSTER }, { field: NAME }], first: 50) {
    totalCount
    nodes { cluster { name } namespace name status containers { image } pods { name ready host { name } } }
  }
  hosts(filter: { status: [NOT_READY, CORDONED] }) { nodes { cluster { name } name status roles kubeletVersion } }
  environments { name namespace clusters { name } hostNames }
}`,
  },
  { title: 'Me', query: '{ me { name roles } }' },
  { title: 'Changes', query: 'subscription { resourceChanged { type kind cluster namespace name } }' },
];

export interface PlaygroundOptions {
  /** The GraphQL endpoint's path, for HTTP and (as ws://) for subscriptions. */
  path: string;
}

/**
 * Answers browser navigations (GET asking for text/html) with GraphiQL: queries and mutations
 * over HTTP, subscriptions over graphql-ws on the same path, a headers editor for
 * `Authorization`. Every other request goes on to the GraphQL server.
 */
export function playground({ path }: PlaygroundOptions): RequestHandler {
  let page: string | undefined;
  return (req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET' || !wantsHtml(req)) return next();
    // Rendered on first use: the page is ~9 MB, and a gateway nobody browses never pays for it.
    page ??= renderGraphiQL({
      title: 'fleetgraph',
      endpoint: path,
      subscriptionsProtocol: 'WS',
      defaultTabs: PLAYGROUND_TABS.map(({ query }) => ({ query, headers: '{}' })),
      defaultQuery: PLAYGROUND_TABS[0]!.query,
      isHeadersEditorEnabled: true,
      defaultEditorToolsVisibility: 'headers',
      // Tokens typed into the headers editor stay in the tab, not in the browser's storage.
      shouldPersistHeaders: false,
      credentials: 'same-origin',
    });
    res.set({ 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-cache', 'referrer-policy': 'no-referrer' }).send(page);
  };
}

// A browser navigation accepts text/html first; API clients ask for JSON (or nothing).
function wantsHtml(req: Request): boolean {
  return req.accepts(['application/json', 'application/graphql-response+json', 'text/html']) === 'text/html' && req.query.query === undefined;
}
