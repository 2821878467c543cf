import { Arg, Ctx, ID, Resolver, Root, Subscription, type SubscribeResolverData } from 'type-graphql';
import { type Delivery, type ResourceEventFilter as Filter, type ResourceEventRecord, type ResourceStreamItem, initialChanges, resourceChanges, toResourceEvent } from '../src/events/index.js';
import { type OperationRecord, operationChanges } from '../src/operations/index.js';
import type { GatewayContext } from '../src/server/context.js';
import { Operation } from '../schema/operation.type.js';
import { ResourceEventFilter } from '../schema/resource-event-filter.input.js';
import { ResourceEvent } from '../schema/resource-event.type.js';

// Each subscription reads from the gateway's shared engines through its own bounded queue;
// the payload is a Delivery: an event, or the error that ends a subscriber that fell behind.
@Resolver()
export class SubscriptionResolver {
  @Subscription(() => ResourceEvent, {
    subscribe: ({ args, context }: SubscribeResolverData<unknown, { filter?: Filter | null; initial?: boolean | null }, GatewayContext>) => {
      const options = {
        engine: context.resourceEvents,
        queueLimit: context.resourceEvents.queueLimit,
        clusters: context.registry.list().map((cluster) => cluster.name),
        filter: args.filter ?? {},
      };
      return args.initial ? initialChanges(options) : resourceChanges(options);
    },
  })
  resourceChanged(
    @Root() delivery: Delivery<ResourceStreamItem>,
    @Arg('filter', () => ResourceEventFilter, { nullable: true }) _filter: ResourceEventFilter | null,
    @Arg('initial', () => Boolean, {
      nullable: true,
      defaultValue: false,
      description:
        'true: first an ADDED for every object matching the filter now (the filter applies to it as to a change, types included), then one SYNCED once every cluster and kind of the filter has been sent, then the changes from there on, none missed and none twice. A cluster never listed and not answering ends the subscription with CLUSTER_UNAVAILABLE; one whose watch is down gives the state last seen, and what changed meanwhile once back. Default false: changes only.',
    })
    _initial: boolean | null,
    @Ctx() ctx: GatewayContext,
  ): ResourceEventRecord {
    return toResourceEvent(take(delivery, ctx));
  }

  @Subscription(() => Operation, {
    description: "one operation's changes; every operation the caller may see when id is null",
    subscribe: ({ args, context }: SubscribeResolverData<unknown, { id?: string | null }, GatewayContext>) =>
      operationChanges({ events: context.operationEvents, id: args.id ?? null, queueLimit: context.resourceEvents.queueLimit }),
  })
  operationUpdated(
    @Root() delivery: Delivery<OperationRecord>,
    @Arg('id', () => ID, { nullable: true }) _id: string | null,
    @Ctx() ctx: GatewayContext,
  ): OperationRecord {
    return take(delivery, ctx);
  }
}

// The error ends the subscription: it is this event's error, and the queue has no more.
function take<T>(delivery: Delivery<T>, ctx: GatewayContext): T {
  if ('error' in delivery) throw delivery.error;
  ctx.renew();
  return delivery.value;
}
