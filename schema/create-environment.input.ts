import { Field, InputType } from 'type-graphql';

// Checked by src/environments (name form, host names, clusters), not by class-validator.
@InputType()
export class CreateEnvironmentInput {
  @Field(() => String)
  name!: string;

  @Field(() => [String])
  clusters!: string[];

  @Field(() => [String], { nullable: true })
  hostNames?: string[] | null;
}
