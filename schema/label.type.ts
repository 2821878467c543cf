import { Field, ObjectType } from 'type-graphql';

@ObjectType()
export class Label {
  @Field(() => String)
  key!: string;

  @Field(() => String)
  value!: string;
}
