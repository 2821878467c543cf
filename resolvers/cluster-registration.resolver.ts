import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { RegisteredCluster } from '../src/fleet/index.js';
import type { GatewayContext } from '../src/server/context.js';
import { Cluster } from '../schema/cluster.type.js';
import { RegisterClusterInput } from '../schema/register-cluster.input.js';

// Clusters added and removed through the API (source STORE); see src/registration/registration.ts.
@Resolver()
export class ClusterRegistrationResolver {
  @Mutation(() => Cluster)
  registerCluster(
    @Arg('input', () => RegisterClusterInput) input: RegisterClusterInput,
    @Ctx() ctx: GatewayContext,
  ): Promise<RegisteredCluster> {
    return ctx.clusterRegistration.register(input, { principal: ctx.principal.name });
  }

  @Mutation(() => Boolean)
  async unregisterCluster(@Arg('name', () => String) name: string, @Ctx() ctx: GatewayContext): Promise<boolean> {
    await ctx.clusterRegistration.unregister(name);
    return true;
  }
}
