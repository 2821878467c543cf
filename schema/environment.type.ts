import { Field, ID, ObjectType } from 'type-graphql';
import { Node } from './node.interface.js';

// Roots are EnvironmentRecords. clusters and workloads are field resolvers in
// resolvers/environment.resolver.ts.
@ObjectType({ implements: Node })
export class Environment implements Node {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { description: 'org:env form, e.g. acme:staging' })
  name!: string;

  @Field(() => String, { description: 'the namespace that backs it in each of its clusters, e.g. acme-staging' })
  namespace!: string;

  @Field(() => [String])
  hostNames!: string[];

  @Field(() => Date, { nullable: true })
  createdAt!: Date | null;
}
