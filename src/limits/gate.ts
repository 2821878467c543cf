// One check for every transport: a request's document is parsed within the token limit and
// held against depth, aliases, directives and our cost model before graphql-js's own
// validation and long before execution, so an abusive query costs the gateway little.
import { GraphQLError, type DocumentNode, type GraphQLSchema, validate } from 'graphql';
import { armorRules, parseWithinTokens } from './armor.js';
import { costRule } from './cost.js';
import { repeatsRule } from './repeats.js';
import type { QueryLimits } from './limits.js';

export interface QueryRequest {
  query: string;
  variables?: Readonly<Record<string, unknown>> | null;
}

export type GateResult = { document: DocumentNode; errors?: undefined } | { errors: readonly GraphQLError[] };

export interface QueryGate {
  /** The parsed document, or the errors refusing it: limits (QUERY_TOO_COMPLEX) or syntax. Never throws. */
  check(request: QueryRequest): GateResult;
}

export interface QueryGateOptions {
  schema: GraphQLSchema;
  limits: Pick<QueryLimits, 'maxTokens' | 'maxDepth' | 'maxAliases' | 'maxDirectives' | 'maxFieldRepeats' | 'maxCost'>;
  /** registered clusters now (per-cluster lists in the cost model); read per request */
  clusters: () => number;
}

export function createQueryGate({ schema, limits, clusters }: QueryGateOptions): QueryGate {
  const generic = [...armorRules(limits), repeatsRule(limits.maxFieldRepeats)];
  return {
    check({ query, variables }) {
      let document: DocumentNode;
      try {
        document = parseWithinTokens(query, limits.maxTokens);
      } catch (err) {
        if (err instanceof GraphQLError) return { errors: [err] };
        throw err;
      }
      // Only our rules here; the rest of validation follows (Apollo's, or the socket's).
      const errors = validate(schema, document, [...generic, costRule({ maxCost: limits.maxCost, clusters: clusters(), variables: variables ?? {} })]);
      return errors.length > 0 ? { errors } : { document };
    },
  };
}
