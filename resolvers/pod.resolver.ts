import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { NotFoundError } from '../src/errors/index.js';
import type { RegisteredCluster } from '../src/fleet/index.js';
import { getOrNone } from '../src/loaders/index.js';
import { toHostRecord } from '../src/model/host.js';
import type { HostRecord, PodRecord } from '../src/model/records.js';
import type { GatewayContext } from '../src/server/context.js';
import { Cluster } from '../schema/cluster.type.js';
import { Host } from '../schema/host.type.js';
import { Pod } from '../schema/pod.type.js';

// Roots are PodRecords, made wherever pods are listed (Host.pods, Workload.pods, ...).
@Resolver(() => Pod)
export class PodResolver {
  @FieldResolver(() => Cluster)
  cluster(@Root() pod: PodRecord, @Ctx() ctx: GatewayContext): RegisteredCluster {
    const cluster = ctx.registry.get(pod.cluster);
    // Only when the cluster was unregistered while this request ran.
    if (!cluster) throw new NotFoundError(`no cluster named ${pod.cluster}`);
    return cluster;
  }

  /**
   * The host the pod is bound to, from the cluster's node list of this request; null while
   * unscheduled, once the node is gone, or when the nodes cannot be listed (recorded as the cluster's error).
   */
  @FieldResolver(() => Host, { nullable: true })
  async host(@Root() pod: PodRecord, @Ctx() ctx: GatewayContext): Promise<HostRecord | null> {
    if (!pod.nodeName) return null;
    const node = await getOrNone(ctx, pod.cluster, 'Node', pod.nodeName);
    return node ? toHostRecord(pod.cluster, node) : null;
  }
}
