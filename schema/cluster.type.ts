import { Field, ID, ObjectType } from 'type-graphql';
import { ClusterSource } from './cluster-source.enum.js';
import { ClusterStatus } from './cluster-status.enum.js';
import { HostCounts } from './host-counts.type.js';
import { Label } from './label.type.js';
import { Node } from './node.interface.js';

// Fields hosts, namespaces, environments and workloads of the contract follow with their types.
@ObjectType({ implements: Node })
export class Cluster implements Node {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String)
  server!: string;

  @Field(() => ClusterSource)
  source!: ClusterSource;

  @Field(() => [Label])
  labels!: Label[];

  @Field(() => ClusterStatus)
  status!: ClusterStatus;

  @Field(() => String, { nullable: true, description: 'Kubernetes version from /version; null while unreachable' })
  version!: string | null;

  @Field(() => String, { nullable: true, description: 'why the cluster is UNREACHABLE; null otherwise' })
  error!: string | null;

  @Field(() => HostCounts)
  hostCounts!: HostCounts;
}
