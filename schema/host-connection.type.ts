import { Field, Int, ObjectType } from 'type-graphql';
import { Host } from './host.type.js';
import { PageInfo } from './page-info.type.js';

@ObjectType()
export class HostEdge {
  @Field(() => String)
  cursor!: string;

  @Field(() => Host)
  node!: Host;
}

@ObjectType()
export class HostConnection {
  @Field(() => [HostEdge])
  edges!: HostEdge[];

  @Field(() => [Host])
  nodes!: Host[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  @Field(() => Int)
  totalCount!: number;
}
