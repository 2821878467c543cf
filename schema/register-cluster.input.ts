import { Field, InputType } from 'type-graphql';
import { LabelInput } from './label-input.input.js';

@InputType()
export class RegisterClusterInput {
  @Field(() => String)
  name!: string;

  @Field(() => String)
  server!: string;

  @Field(() => String, { nullable: true })
  token!: string | null;

  @Field(() => String, { nullable: true })
  certificateAuthorityData!: string | null;

  @Field(() => Boolean, { nullable: true, defaultValue: false })
  insecureSkipTlsVerify!: boolean | null;

  @Field(() => [LabelInput], { nullable: true })
  labels!: LabelInput[] | null;
}
