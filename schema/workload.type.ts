import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Container } from './container.type.js';
import { Node } from './node.interface.js';
import { WorkloadStatus } from './workload-status.enum.js';

// Roots are WorkloadRecords. kind, labels, cluster and pods are field resolvers in
// resolvers/workload.resolver.ts (a record's own `kind` is its type tag, 'Workload');
// environment is the environments part's, resolved in its own resolver on this type.
@ObjectType({ implements: Node })
export class Workload implements Node {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String)
  namespace!: string;

  @Field(() => [Container])
  containers!: Container[];

  @Field(() => Int)
  replicas!: number;

  @Field(() => Int)
  readyReplicas!: number;

  @Field(() => Int)
  updatedReplicas!: number;

  @Field(() => Int)
  availableReplicas!: number;

  @Field(() => WorkloadStatus)
  status!: WorkloadStatus;

  @Field(() => Boolean)
  paused!: boolean;

  @Field(() => Int, { nullable: true })
  revision!: number | null;

  @Field(() => Date, { nullable: true })
  createdAt!: Date | null;
}
