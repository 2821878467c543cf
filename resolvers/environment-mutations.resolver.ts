import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import { createEnvironment, deleteEnvironment, updateEnvironment } from '../src/environments/index.js';
import type { EnvironmentRecord } from '../src/model/records.js';
import type { GatewayContext } from '../src/server/context.js';
import { CreateEnvironmentInput } from '../schema/create-environment.input.js';
import { Environment } from '../schema/environment.type.js';
import { UpdateEnvironmentInput } from '../schema/update-environment.input.js';

// Environments (reference 001). The routing keys createEnvironment makes are never answered:
// Environment has no field for them, and no message quotes them.
@Resolver()
export class EnvironmentMutationsResolver {
  @Mutation(() => Environment)
  createEnvironment(@Arg('input', () => CreateEnvironmentInput) input: CreateEnvironmentInput, @Ctx() ctx: GatewayContext): Promise<EnvironmentRecord> {
    return createEnvironment(ctx, input);
  }

  @Mutation(() => Environment)
  updateEnvironment(@Arg('input', () => UpdateEnvironmentInput) input: UpdateEnvironmentInput, @Ctx() ctx: GatewayContext): Promise<EnvironmentRecord> {
    return updateEnvironment(ctx, input);
  }

  /** true once deleted in every cluster holding it; NOT_FOUND for a name no cluster holds. */
  @Mutation(() => Boolean)
  deleteEnvironment(@Arg('name', () => String) name: string, @Ctx() ctx: GatewayContext): Promise<boolean> {
    return deleteEnvironment(ctx, name);
  }
}
