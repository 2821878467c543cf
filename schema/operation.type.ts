import { Field, Float, ID, ObjectType } from 'type-graphql';
import { Node } from './node.interface.js';
import { OperationKind } from './operation-kind.enum.js';
import { OperationStatus } from './operation-status.enum.js';
import { OperationTarget } from './operation-target.type.js';

// Roots are OperationRecord (src/operations): kind and progress are shaped by the resolver.
@ObjectType({ implements: Node })
export class Operation implements Node {
  @Field(() => ID)
  id!: string;

  @Field(() => OperationKind)
  kind!: OperationKind;

  @Field(() => OperationStatus)
  status!: OperationStatus;

  @Field(() => Boolean)
  dryRun!: boolean;

  @Field(() => String)
  requestedBy!: string;

  @Field(() => Date)
  createdAt!: Date;

  @Field(() => Date, { nullable: true })
  startedAt!: Date | null;

  @Field(() => Date, { nullable: true })
  finishedAt!: Date | null;

  @Field(() => [OperationTarget])
  targets!: OperationTarget[];

  @Field(() => Float, { description: 'finished targets over all targets, 0 to 1' })
  progress!: number;

  @Field(() => String, { nullable: true })
  message!: string | null;
}
