// What one request may cost the gateway. Each limit has a setting (src/config) and a
// default here; the README's "Query limits" table lists them.

export interface QueryLimits {
  /** QUERY_MAX_DEPTH: nesting of fields in one operation (fragments count as their fields). Default 10. */
  readonly maxDepth: number;
  /** QUERY_MAX_ALIASES: aliased fields in one operation. Default 30. */
  readonly maxAliases: number;
  /** QUERY_MAX_TOKENS: lexical tokens in the document; counted while parsing, so a huge document stops early. Default 2000. */
  readonly maxTokens: number;
  /** QUERY_MAX_DIRECTIVES: directives in one operation. Default 50. */
  readonly maxDirectives: number;
  /** QUERY_MAX_FIELD_REPEATS: times one selection set may name the same field (response key). Default 20. */
  readonly maxFieldRepeats: number;
  /** QUERY_MAX_COST: objects an operation can produce, as estimated by src/limits/cost.ts. Default 100 000. */
  readonly maxCost: number;
  /** QUERY_TIMEOUT_MS: how long one operation (or one subscription event) may run. Default 30 000. */
  readonly timeoutMs: number;
  /** QUERY_MAX_RESPONSE_BYTES: the largest response sent; a larger one is replaced by an error. Default 32 MiB. */
  readonly maxResponseBytes: number;
  /** HTTP_MAX_BODY_BYTES: the largest JSON request body. Default 100 KiB. */
  readonly maxBodyBytes: number;
  /** WS_MAX_SUBSCRIPTIONS: operations under way at once on one graphql-ws socket. Default 100. */
  readonly maxSubscriptionsPerSocket: number;
  /** WS_MAX_MESSAGE_BYTES: the largest graphql-ws message; a larger one closes the socket (1009). Default 256 KiB. */
  readonly maxMessageBytes: number;
}

export const DEFAULT_QUERY_LIMITS: QueryLimits = {
  maxDepth: 10,
  maxAliases: 30,
  maxTokens: 2000,
  maxDirectives: 50,
  maxFieldRepeats: 20,
  maxCost: 1_000_000,
  timeoutMs: 30_000,
  maxResponseBytes: 32 * 1024 * 1024,
  maxBodyBytes: 100 * 1024,
  maxSubscriptionsPerSocket: 100,
  maxMessageBytes: 256 * 1024,
};

/** The setting behind each limit, named in refusals so an operator knows what to raise. */
export const LIMIT_SETTINGS = {
  depth: 'QUERY_MAX_DEPTH',
  aliases: 'QUERY_MAX_ALIASES',
  tokens: 'QUERY_MAX_TOKENS',
  directives: 'QUERY_MAX_DIRECTIVES',
  repeats: 'QUERY_MAX_FIELD_REPEATS',
  cost: 'QUERY_MAX_COST',
  timeout: 'QUERY_TIMEOUT_MS',
  responseBytes: 'QUERY_MAX_RESPONSE_BYTES',
  bodyBytes: 'HTTP_MAX_BODY_BYTES',
  subscriptions: 'WS_MAX_SUBSCRIPTIONS',
} as const;
export type LimitName = keyof typeof LIMIT_SETTINGS;
