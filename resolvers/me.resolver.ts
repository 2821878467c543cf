import { Ctx, Query, Resolver } from 'type-graphql';
import type { Principal as PrincipalRecord } from '../src/auth/index.js';
import type { GatewayContext } from '../src/server/context.js';
import { Principal } from '../schema/principal.type.js';

@Resolver(() => Principal)
export class MeResolver {
  @Query(() => Principal)
  me(@Ctx() ctx: GatewayContext): PrincipalRecord {
    return ctx.principal;
  }
}
