import { Field, ObjectType } from 'type-graphql';
import { Cluster } from './cluster.type.js';
import { ImageComparison } from './image-comparison.type.js';

// Roots are ClusterUpgradePlanRecords (src/upgrades); cluster is a RegisteredCluster.
@ObjectType()
export class ClusterUpgradePlan {
  @Field(() => Cluster)
  cluster!: Cluster;

  @Field(() => [ImageComparison])
  upgrade!: ImageComparison[];

  @Field(() => [ImageComparison])
  obsolete!: ImageComparison[];

  @Field(() => [ImageComparison])
  equal!: ImageComparison[];

  @Field(() => [ImageComparison])
  error!: ImageComparison[];

  @Field(() => Boolean, { description: 'true when the cluster could not be evaluated (unreachable, timed out)' })
  failed!: boolean;

  @Field(() => String, { nullable: true })
  message!: string | null;
}
