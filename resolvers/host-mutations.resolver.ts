import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { HostRecord } from '../src/model/records.js';
import { setHostCordoned } from '../src/mutations/index.js';
import type { GatewayContext } from '../src/server/context.js';
import { Host } from '../schema/host.type.js';

// Cordoning as kubectl does it; each answers the host as the patch left it.
@Resolver()
export class HostMutationsResolver {
  @Mutation(() => Host)
  cordonHost(@Arg('cluster', () => String) cluster: string, @Arg('name', () => String) name: string, @Ctx() ctx: GatewayContext): Promise<HostRecord> {
    return setHostCordoned(ctx.registry, { cluster, name }, true);
  }

  @Mutation(() => Host)
  uncordonHost(@Arg('cluster', () => String) cluster: string, @Arg('name', () => String) name: string, @Ctx() ctx: GatewayContext): Promise<HostRecord> {
    return setHostCordoned(ctx.registry, { cluster, name }, false);
  }
}
