import { Field, InputType } from 'type-graphql';
import { OperationKind } from './operation-kind.enum.js';
import { OperationStatus } from './operation-status.enum.js';

@InputType()
export class OperationFilter {
  @Field(() => [OperationKind], { nullable: true })
  kinds?: OperationKind[] | null;

  @Field(() => [OperationStatus], { nullable: true })
  status?: OperationStatus[] | null;

  @Field(() => [String], { nullable: true })
  clusters?: string[] | null;
}
