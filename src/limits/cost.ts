// Our cost model: how many objects an operation can produce. Each object-typed field counts
// once per object it yields; a list multiplies everything below it by its expected size
// (list-sizes.ts), so nesting multiplies: `hosts { nodes { pods { host { pods … } } } }` grows
// by 110 per level. Scalars cost nothing (the token limit bounds how many a query can name).
// Fragments are costed once per page size and multiplied where spread, so a document that
// spreads fragments into fragments is estimated in time linear in its size.
import {
  GraphQLInt,
  Kind,
  getNamedType,
  getNullableType,
  isCompositeType,
  isListType,
  isObjectType,
  isInterfaceType,
  valueFromAST,
  type ASTVisitor,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLNamedType,
  type SelectionSetNode,
  type ValidationContext,
} from 'graphql';
import { QueryLimitError } from './errors.js';
import { DEFAULT_PAGE, listSize, pageOf } from './list-sizes.js';

export interface CostOptions {
  /** QUERY_MAX_COST */
  maxCost: number;
  /** registered clusters now: the size of `clusters` and other per-cluster lists */
  clusters: number;
  /** the request's variables, for `first: $n` */
  variables?: Readonly<Record<string, unknown>>;
}

/** A validation rule refusing each operation whose estimated cost is over `maxCost`. */
export function costRule({ maxCost, clusters, variables }: CostOptions) {
  return (context: ValidationContext): ASTVisitor => ({
    OperationDefinition(operation) {
      const root = rootType(context, operation.operation);
      if (!root) return;
      const cost = estimate({ context, clusters, variables: variables ?? {} }, operation.selectionSet, root);
      if (cost > maxCost) context.reportError(costError(cost, maxCost));
    },
  });
}

function costError(cost: number, max: number): QueryLimitError {
  const found = Number.isFinite(cost) ? Math.round(cost) : Number.MAX_VALUE;
  const times = found / max;
  const over = times >= 10 ? `${readable(times)} times the limit of ${readable(max)}` : `over the limit of ${readable(max)} by ${readable(found - max)}`;
  return new QueryLimitError('cost', `query could produce about ${readable(found)} objects, ${over}`, { max, found });
}

function readable(n: number): string {
  return n < 1e15 ? Math.round(n).toLocaleString('en-US') : n.toExponential(1);
}

function rootType(context: ValidationContext, kind: 'query' | 'mutation' | 'subscription'): GraphQLCompositeType | undefined {
  const schema = context.getSchema();
  return (kind === 'query' ? schema.getQueryType() : kind === 'mutation' ? schema.getMutationType() : schema.getSubscriptionType()) ?? undefined;
}

interface Walk {
  context: ValidationContext;
  clusters: number;
  variables: Readonly<Record<string, unknown>>;
  /** fragment name and page → cost of one spread; -1 while being costed (a cycle costs 0) */
  fragments?: Map<string, number>;
  page?: number;
}

/** Objects produced by one instance of `selectionSet` on `type`. */
function estimate(walk: Walk, selectionSet: SelectionSetNode, type: GraphQLCompositeType): number {
  const fragments = (walk.fragments ??= new Map());
  let total = 0;
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) total += fieldCost(walk, selection, type);
    else if (selection.kind === Kind.INLINE_FRAGMENT) {
      const on = selection.typeCondition ? composite(walk.context.getSchema().getType(selection.typeCondition.name.value)) : type;
      if (on) total += estimate(walk, selection.selectionSet, on);
    } else {
      const fragment = walk.context.getFragment(selection.name.value);
      if (fragment) total += fragmentCost(walk, fragment, fragments);
    }
  }
  return total;
}

function fragmentCost(walk: Walk, fragment: FragmentDefinitionNode, fragments: Map<string, number>): number {
  const key = `${fragment.name.value}|${walk.page ?? DEFAULT_PAGE}`;
  const known = fragments.get(key);
  if (known !== undefined) return Math.max(known, 0);
  const on = composite(walk.context.getSchema().getType(fragment.typeCondition.name.value));
  if (!on) return 0;
  fragments.set(key, -1);
  const cost = estimate(walk, fragment.selectionSet, on);
  fragments.set(key, cost);
  return cost;
}

function fieldCost(walk: Walk, field: FieldNode, parent: GraphQLCompositeType): number {
  const name = field.name.value;
  // Introspection is answered from the schema, not the fleet.
  if (name.startsWith('__') || !(isObjectType(parent) || isInterfaceType(parent))) return 0;
  const definition = parent.getFields()[name];
  if (!definition) return 0;
  const type = getNamedType(definition.type);
  if (!isCompositeType(type) || !field.selectionSet) return 0;
  const items = isListType(getNullableType(definition.type)) ? listSize(`${parent.name}.${name}`, { clusters: walk.clusters, page: walk.page ?? DEFAULT_PAGE }) : 1;
  const hasPage = definition.args.some((arg) => arg.name === 'first');
  const page = hasPage ? pageOf(argument(field, 'first', walk.variables)) : undefined;
  return items * (1 + estimate({ ...walk, page }, field.selectionSet, type));
}

function argument(field: FieldNode, name: string, variables: Readonly<Record<string, unknown>>): unknown {
  const node = field.arguments?.find((arg) => arg.name.value === name);
  return node ? valueFromAST(node.value, GraphQLInt, variables as Record<string, unknown>) : undefined;
}

function composite(type: GraphQLNamedType | undefined | null): GraphQLCompositeType | undefined {
  return type && isCompositeType(type) ? type : undefined;
}
