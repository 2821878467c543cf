import { Arg, Ctx, FieldResolver, Float, ID, Int, Query, Resolver, Root } from 'type-graphql';
import type { Page } from '../src/query/paginate.js';
import { type OperationKind as OperationKindValue, type OperationRecord, operationProgress, pageOperations } from '../src/operations/index.js';
import type { GatewayContext } from '../src/server/context.js';
import { OperationConnection } from '../schema/operation-connection.type.js';
import { OperationFilter } from '../schema/operation-filter.input.js';
import { OperationKind } from '../schema/operation-kind.enum.js';
import { Operation } from '../schema/operation.type.js';

// Roots are OperationRecord, read through ctx.operations (in memory, empty, until the store comes).
@Resolver(() => Operation)
export class OperationResolver {
  @Query(() => OperationConnection)
  async operations(
    @Arg('filter', () => OperationFilter, { nullable: true }) filter: OperationFilter | null,
    @Arg('first', () => Int, { nullable: true }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Ctx() ctx: GatewayContext,
  ): Promise<Page<OperationRecord>> {
    return pageOperations(await ctx.operations.list(filter ?? {}), { first, after });
  }

  @Query(() => Operation, { nullable: true })
  async operation(@Arg('id', () => ID) id: string, @Ctx() ctx: GatewayContext): Promise<OperationRecord | null> {
    return (await ctx.operations.get(id)) ?? null;
  }

  @FieldResolver(() => OperationKind)
  kind(@Root() operation: OperationRecord): OperationKindValue {
    return operation.operationKind;
  }

  @FieldResolver(() => Float)
  progress(@Root() operation: OperationRecord): number {
    return operationProgress(operation);
  }
}
