import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import { deployWorkload } from '../src/environments/index.js';
import type { WorkloadRecord } from '../src/model/records.js';
import { deleteWorkload, scaleWorkload, setWorkloadPaused } from '../src/mutations/index.js';
import type { GatewayContext } from '../src/server/context.js';
import { DeployWorkloadInput } from '../schema/deploy-workload.input.js';
import { ScaleWorkloadInput } from '../schema/scale-workload.input.js';
import { WorkloadRef } from '../schema/workload-ref.input.js';
import { Workload } from '../schema/workload.type.js';

// Direct workload changes. Each answers the workload as its write left it (the record is
// built from the write's response, not the request's cached reads); field resolvers of
// Workload (pods, cluster, environment) then read as for any query.
@Resolver()
export class WorkloadMutationsResolver {
  @Mutation(() => Workload)
  scaleWorkload(@Arg('input', () => ScaleWorkloadInput) input: ScaleWorkloadInput, @Ctx() ctx: GatewayContext): Promise<WorkloadRecord> {
    return scaleWorkload(ctx.registry, input.workload, input.replicas, ctx.policy);
  }

  @Mutation(() => Workload)
  pauseWorkload(@Arg('workload', () => WorkloadRef) workload: WorkloadRef, @Ctx() ctx: GatewayContext): Promise<WorkloadRecord> {
    return setWorkloadPaused(ctx.registry, workload, true);
  }

  @Mutation(() => Workload)
  resumeWorkload(@Arg('workload', () => WorkloadRef) workload: WorkloadRef, @Ctx() ctx: GatewayContext): Promise<WorkloadRecord> {
    return setWorkloadPaused(ctx.registry, workload, false);
  }

  @Mutation(() => Workload)
  deployWorkload(@Arg('input', () => DeployWorkloadInput) input: DeployWorkloadInput, @Ctx() ctx: GatewayContext): Promise<WorkloadRecord> {
    return deployWorkload(ctx.registry, ctx.policy, input);
  }

  /** true once deleted; NOT_FOUND when there was no such workload. */
  @Mutation(() => Boolean)
  deleteWorkload(@Arg('workload', () => WorkloadRef) workload: WorkloadRef, @Ctx() ctx: GatewayContext): Promise<boolean> {
    return deleteWorkload(ctx.registry, workload);
  }
}
