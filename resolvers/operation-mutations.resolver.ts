import { Arg, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import { NotFoundError } from '../src/errors/index.js';
import { fromGlobalId } from '../src/model/ids.js';
import { type OperationRecord, type OperationRequest, operationRecordOf, planHostRestart, planRestart, planRollback, planRollout } from '../src/operations/index.js';
import type { GatewayContext } from '../src/server/context.js';
import { Operation } from '../schema/operation.type.js';
import { RestartHostsInput } from '../schema/restart-hosts.input.js';
import { RestartWorkloadsInput } from '../schema/restart-workloads.input.js';
import { RollbackWorkloadInput } from '../schema/rollback-workload.input.js';
import { RolloutImageInput } from '../schema/rollout-image.input.js';

// Long-running changes: each plans its targets (checking input before anything is written),
// hands them to the gateway's operation runner and answers at once with the operation,
// PENDING (or, for a dry run, SUCCEEDED); the runner carries on in the background.
@Resolver(() => Operation)
export class OperationMutationsResolver {
  @Mutation(() => Operation)
  async rolloutImage(@Arg('input', () => RolloutImageInput) input: RolloutImageInput, @Ctx() ctx: GatewayContext): Promise<OperationRecord> {
    return submit(ctx, 'rolloutImage', input, () => planRollout(ctx, input));
  }

  @Mutation(() => Operation)
  async restartWorkloads(@Arg('input', () => RestartWorkloadsInput) input: RestartWorkloadsInput, @Ctx() ctx: GatewayContext): Promise<OperationRecord> {
    return submit(ctx, 'restartWorkloads', input, () => planRestart(ctx, input, new Date()));
  }

  @Mutation(() => Operation)
  async rollbackWorkload(@Arg('input', () => RollbackWorkloadInput) input: RollbackWorkloadInput, @Ctx() ctx: GatewayContext): Promise<OperationRecord> {
    return submit(ctx, 'rollbackWorkload', input, () => planRollback(ctx, input));
  }

  @Mutation(() => Operation)
  async restartHosts(@Arg('input', () => RestartHostsInput) input: RestartHostsInput, @Ctx() ctx: GatewayContext): Promise<OperationRecord> {
    return submit(ctx, 'restartHosts', input, () => planHostRestart(ctx, input, ctx.operationRunner.hostTimeoutSeconds));
  }

  @Mutation(() => Operation)
  async cancelOperation(@Arg('id', () => ID) id: string, @Ctx() ctx: GatewayContext): Promise<OperationRecord> {
    const decoded = fromGlobalId(id);
    if (decoded?.type !== 'Operation' || decoded.parts.length !== 1) throw new NotFoundError(`no operation ${id}`);
    return operationRecordOf(await ctx.operationRunner.cancel(decoded.parts[0]!));
  }
}

/** The runner plans only once the idempotency key is reserved: a repeated request is answered without planning again. */
async function submit(
  ctx: GatewayContext,
  mutation: string,
  input: { idempotencyKey?: string | null; queue?: boolean | null },
  plan: () => Promise<OperationRequest>,
): Promise<OperationRecord> {
  const { idempotencyKey = null, queue = false } = input;
  return operationRecordOf(await ctx.operationRunner.submit({ mutation, input, requestedBy: ctx.principal.name, idempotencyKey, queue, plan }));
}
