import { Field, ObjectType } from 'type-graphql';

@ObjectType()
export class Condition {
  @Field(() => String)
  type!: string;

  @Field(() => String)
  status!: string;

  @Field(() => String, { nullable: true })
  reason!: string | null;

  @Field(() => String, { nullable: true })
  message!: string | null;

  @Field(() => Date, { nullable: true })
  lastTransitionAt!: Date | null;
}
