import { Field, InputType } from 'type-graphql';
import { WorkloadKind } from './workload-kind.enum.js';

@InputType()
export class WorkloadRef {
  @Field(() => String)
  cluster!: string;

  @Field(() => String)
  namespace!: string;

  @Field(() => WorkloadKind)
  kind!: WorkloadKind;

  @Field(() => String)
  name!: string;
}
