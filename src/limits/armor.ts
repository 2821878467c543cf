// The generic limits, from graphql-armor: tokens while parsing, then depth, aliases and
// directives as validation rules. Their refusals become our QueryLimitError (QUERY_TOO_COMPLEX,
// naming the limit), reported on the validation context rather than thrown, so one refusal
// does not abort the others and every exceeded limit is named.
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import { MaxTokensParserWLexer } from '@escape.tech/graphql-armor-max-tokens';
import type { DocumentNode, GraphQLError, ValidationContext, ValidationRule } from 'graphql';
import { QueryLimitError } from './errors.js';
import type { LimitName, QueryLimits } from './limits.js';

/** Parses `source`, stopping with QUERY_TOO_COMPLEX at the first token over `maxTokens`. Syntax errors throw as graphql-js's. */
export function parseWithinTokens(source: string, maxTokens: number): DocumentNode {
  const refuse = () => {
    throw new QueryLimitError('tokens', `document has more than ${maxTokens} tokens`, { max: maxTokens });
  };
  const parser = new MaxTokensParserWLexer(source, { n: maxTokens, propagateOnRejection: false, onReject: [refuse], onAccept: [] });
  return parser.parseDocument();
}

/** Validation rules for depth, aliases and directives. */
export function armorRules(limits: Pick<QueryLimits, 'maxDepth' | 'maxAliases' | 'maxDirectives'>): ValidationRule[] {
  return [
    maxDepthRule({ n: limits.maxDepth, flattenFragments: true, ...reporting('depth', 'query depth', limits.maxDepth) }),
    maxAliasesRule({ n: limits.maxAliases, ...reporting('aliases', 'aliases', limits.maxAliases) }),
    maxDirectivesRule({ n: limits.maxDirectives, ...reporting('directives', 'directives', limits.maxDirectives) }),
  ] as ValidationRule[];
}

function reporting(limit: LimitName, what: string, max: number) {
  const report = (context: ValidationContext | null, error: GraphQLError) => {
    // graphql-armor says "… limit of 10 exceeded, found 13." and has no other way to give the count.
    const found = Number(/found (\d+)/.exec(error.message)?.[1] ?? NaN);
    context?.reportError(Number.isNaN(found) ? new QueryLimitError(limit, `${what} over the limit of ${max}`, { max }) : QueryLimitError.exceeded(limit, what, found, max));
  };
  return { propagateOnRejection: false, exposeLimits: true, onReject: [report], onAccept: [] };
}
