import { Field, InputType } from 'type-graphql';
import { ClusterStatus } from './cluster-status.enum.js';

@InputType()
export class ClusterFilter {
  @Field(() => [String], { nullable: true })
  names?: string[] | null;

  @Field(() => String, { nullable: true, description: "Kubernetes label-selector syntax over the cluster's labels" })
  labelSelector?: string | null;

  @Field(() => [ClusterStatus], { nullable: true })
  status?: ClusterStatus[] | null;
}
