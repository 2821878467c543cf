import { Field, ID, ObjectType } from 'type-graphql';
import { Label } from './label.type.js';
import { Node } from './node.interface.js';

// Roots are NamespaceRecords. cluster is a field resolver in resolvers/namespace.resolver.ts;
// environment is the environments part's, resolved in its own resolver on this type.
@ObjectType({ implements: Node })
export class Namespace implements Node {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String)
  phase!: string;

  @Field(() => [Label])
  labels!: Label[];

  @Field(() => Date, { nullable: true })
  createdAt!: Date | null;
}
