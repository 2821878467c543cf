import { Field, InputType } from 'type-graphql';

@InputType()
export class UpdateEnvironmentInput {
  @Field(() => String)
  name!: string;

  @Field(() => [String])
  hostNames!: string[];
}
