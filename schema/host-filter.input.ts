import { Field, InputType } from 'type-graphql';
import { HostStatus } from './host-status.enum.js';

@InputType()
export class HostFilter {
  @Field(() => [String], { nullable: true })
  clusters?: string[] | null;

  @Field(() => [String], { nullable: true })
  names?: string[] | null;

  @Field(() => [HostStatus], { nullable: true })
  status?: HostStatus[] | null;

  @Field(() => String, { nullable: true })
  labelSelector?: string | null;
}
