import { Field, Int, ObjectType } from 'type-graphql';
import { Operation } from './operation.type.js';
import { PageInfo } from './page-info.type.js';

@ObjectType()
export class OperationEdge {
  @Field(() => String)
  cursor!: string;

  @Field(() => Operation)
  node!: Operation;
}

@ObjectType()
export class OperationConnection {
  @Field(() => [OperationEdge])
  edges!: OperationEdge[];

  @Field(() => [Operation])
  nodes!: Operation[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  @Field(() => Int)
  totalCount!: number;
}
