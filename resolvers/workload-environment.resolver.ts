import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { EnvironmentRecord, WorkloadRecord } from '../src/model/records.js';
import { environmentOfNamespace } from '../src/query/environments.js';
import type { GatewayContext } from '../src/server/context.js';
import { Environment } from '../schema/environment.type.js';
import { Workload } from '../schema/workload.type.js';

@Resolver(() => Workload)
export class WorkloadEnvironmentResolver {
  /** The environment the workload's namespace backs in its cluster, or null. */
  @FieldResolver(() => Environment, { nullable: true })
  environment(@Root() workload: WorkloadRecord, @Ctx() ctx: GatewayContext): Promise<EnvironmentRecord | null> {
    return environmentOfNamespace(ctx, workload.cluster, workload.namespace);
  }
}
