import { Field, InputType } from 'type-graphql';

@InputType()
export class EnvironmentFilter {
  @Field(() => [String], { nullable: true })
  clusters?: string[] | null;

  @Field(() => [String], { nullable: true })
  names?: string[] | null;
}
