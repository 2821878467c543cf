import { Arg, Ctx, Query, Resolver, Root, Subscription, type SubscribeResolverData } from 'type-graphql';
import type { GatewayContext } from '../src/server/context.js';
import { type FleetSummaryRecord, type SummaryFilter as Filter, countFleet, summaryChanges, summaryTarget } from '../src/summary/index.js';
import { FleetSummary } from '../schema/fleet-summary.type.js';
import { SummaryFilter } from '../schema/summary-filter.input.js';

// Counts across the fleet (src/summary), over the caller's views of reads and changes.
@Resolver(() => FleetSummary)
export class SummaryResolver {
  @Query(() => FleetSummary, { description: 'counts of workloads, hosts and pods across the fleet the caller sees' })
  summary(@Arg('filter', () => SummaryFilter, { nullable: true }) filter: SummaryFilter | null, @Ctx() ctx: GatewayContext): Promise<FleetSummaryRecord> {
    return countFleet(ctx, summaryTarget(ctx.registry, filter));
  }

  @Subscription(() => FleetSummary, {
    description: 'the counts now, then again whenever they change, at most once per second',
    subscribe: ({ args, context }: SubscribeResolverData<unknown, { filter?: Filter | null }, GatewayContext>) => {
      const target = summaryTarget(context.registry, args.filter);
      // Each count reads the fleet afresh; its cluster errors go with the summary it gives.
      const count = () => {
        context.renew();
        return countFleet(context, target);
      };
      return summaryChanges({ engine: context.resourceEvents, target, count });
    },
  })
  summaryChanged(@Root() summary: FleetSummaryRecord, @Arg('filter', () => SummaryFilter, { nullable: true }) _filter: SummaryFilter | null): FleetSummaryRecord {
    return summary;
  }
}
