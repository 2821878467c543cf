import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import { findNode, type NodeRoot } from '../src/lookup/find-node.js';
import type { GatewayContext } from '../src/server/context.js';
import { Node } from '../schema/node.interface.js';

// The root's type is told by Node's resolveType (schema/node.interface.ts).
@Resolver()
export class NodeResolver {
  @Query(() => Node, { nullable: true })
  node(@Arg('id', () => ID) id: string, @Ctx() ctx: GatewayContext): Promise<NodeRoot | null> {
    return findNode(ctx, id);
  }
}
