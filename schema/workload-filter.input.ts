import { Field, InputType } from 'type-graphql';
import { WorkloadKind } from './workload-kind.enum.js';
import { WorkloadStatus } from './workload-status.enum.js';

// What each criterion means, and how absent and empty lists read: src/query/workload-filter.ts.
@InputType()
export class WorkloadFilter {
  @Field(() => [String], { nullable: true })
  clusters?: string[] | null;

  @Field(() => [String], { nullable: true })
  namespaces?: string[] | null;

  @Field(() => [WorkloadKind], { nullable: true })
  kinds?: WorkloadKind[] | null;

  @Field(() => [String], { nullable: true })
  environments?: string[] | null;

  @Field(() => String, { nullable: true })
  labelSelector?: string | null;

  @Field(() => String, { nullable: true, description: 'substring of any container image reference (registry, owner, name or tag)' })
  image?: string | null;

  @Field(() => String, { nullable: true, description: 'substring of the workload name' })
  name?: string | null;

  @Field(() => [WorkloadStatus], { nullable: true })
  status?: WorkloadStatus[] | null;
}
