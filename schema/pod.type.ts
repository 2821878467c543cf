import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Node } from './node.interface.js';

// Roots are PodRecords. cluster and host are field resolvers in resolvers/pod.resolver.ts.
@ObjectType({ implements: Node })
export class Pod implements Node {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String)
  namespace!: string;

  @Field(() => String)
  phase!: string;

  @Field(() => Boolean)
  ready!: boolean;

  @Field(() => Int)
  restarts!: number;

  @Field(() => [String])
  images!: string[];

  @Field(() => Date, { nullable: true })
  createdAt!: Date | null;
}
