import { Field, ObjectType } from 'type-graphql';
import { TargetStatus } from './operation-target-status.enum.js';

@ObjectType()
export class OperationTarget {
  @Field(() => String)
  cluster!: string;

  @Field(() => String, { description: 'Deployment, StatefulSet, DaemonSet or Node' })
  kind!: string;

  @Field(() => String, { nullable: true })
  namespace!: string | null;

  @Field(() => String)
  name!: string;

  @Field(() => TargetStatus)
  status!: TargetStatus;

  @Field(() => String, { nullable: true })
  fromImage!: string | null;

  @Field(() => String, { nullable: true })
  toImage!: string | null;

  @Field(() => String, { nullable: true })
  message!: string | null;

  @Field(() => Date, { nullable: true })
  startedAt!: Date | null;

  @Field(() => Date, { nullable: true })
  finishedAt!: Date | null;
}
