import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { Condition } from './condition.type.js';
import { HostStatus } from './host-status.enum.js';
import { Label } from './label.type.js';
import { Node } from './node.interface.js';

// Roots are HostRecords. cluster, pods and podCount are field resolvers in
// resolvers/host.resolver.ts, which keeps this class free of imports of Cluster and Pod.
@ObjectType({ implements: Node })
export class Host implements Node {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String, { nullable: true })
  address!: string | null;

  @Field(() => HostStatus)
  status!: HostStatus;

  @Field(() => Boolean)
  ready!: boolean;

  @Field(() => Boolean)
  unschedulable!: boolean;

  @Field(() => [String])
  roles!: string[];

  @Field(() => [Label])
  labels!: Label[];

  @Field(() => String, { nullable: true })
  os!: string | null;

  @Field(() => String, { nullable: true })
  osImage!: string | null;

  @Field(() => String, { nullable: true })
  kernelVersion!: string | null;

  @Field(() => String, { nullable: true })
  kubeletVersion!: string | null;

  @Field(() => String, { nullable: true })
  containerRuntime!: string | null;

  @Field(() => Int, { nullable: true })
  cpus!: number | null;

  @Field(() => Float, { nullable: true })
  memoryBytes!: number | null;

  @Field(() => Date, { nullable: true })
  lastHeartbeatAt!: Date | null;

  @Field(() => [Condition])
  conditions!: Condition[];
}
