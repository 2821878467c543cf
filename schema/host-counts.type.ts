import { Field, Int, ObjectType } from 'type-graphql';

@ObjectType()
export class HostCounts {
  @Field(() => Int)
  total!: number;

  @Field(() => Int)
  available!: number;

  @Field(() => Int)
  unavailable!: number;
}
