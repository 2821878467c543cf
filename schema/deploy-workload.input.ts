import { JSONObjectResolver } from 'graphql-scalars';
import { Field, InputType, Int } from 'type-graphql';

// Checked by src/environments/deploy-workload.ts: names, replicas, the pod template's shape and policy, hosts.
@InputType()
export class DeployWorkloadInput {
  @Field(() => String)
  environment!: string;

  @Field(() => String)
  cluster!: string;

  @Field(() => String)
  name!: string;

  @Field(() => Int, { nullable: true, defaultValue: 1 })
  replicas?: number | null;

  @Field(() => JSONObjectResolver, { description: 'a Kubernetes PodTemplateSpec with exactly one container' })
  podTemplate!: Record<string, unknown>;

  @Field(() => [String], { nullable: true })
  publicHosts?: string[] | null;

  @Field(() => [String], { nullable: true })
  privateHosts?: string[] | null;
}
