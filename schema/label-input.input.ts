import { Field, InputType } from 'type-graphql';

@InputType()
export class LabelInput {
  @Field(() => String)
  key!: string;

  @Field(() => String)
  value!: string;
}
