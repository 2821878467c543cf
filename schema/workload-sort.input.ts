import { Field, InputType } from 'type-graphql';
import { SortDirection } from './sort-direction.enum.js';
import { WorkloadSortField } from './workload-sort-field.enum.js';

@InputType()
export class WorkloadSort {
  @Field(() => WorkloadSortField)
  field!: WorkloadSortField;

  @Field(() => SortDirection, { nullable: true, defaultValue: SortDirection.ASC })
  direction?: SortDirection | null;
}
