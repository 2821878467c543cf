// Supergraph mode: which of the caller's request headers go on to another subgraph. Only those the
// subgraphs file names for it (FLEETGRAPH_SUBGRAPHS_FILE `headers`), so a caller's token reaches
// a service only when its operator said so.

/** What a request's headers are read through: Apollo's HeaderMap, fetch's Headers. */
export interface HeaderSource {
  get(name: string): string | null | undefined;
}

/**
 * The headers of `names` (lower-case) that the caller sent, with their values, in the order named;
 * a header the caller did not send is left out, never sent empty.
 */
export function forwardedHeaders(incoming: HeaderSource | undefined, names: readonly string[]): [name: string, value: string][] {
  if (!incoming) return [];
  return names.flatMap((name): [string, string][] => {
    const value = incoming.get(name);
    return value === null || value === undefined ? [] : [[name, value]];
  });
}
