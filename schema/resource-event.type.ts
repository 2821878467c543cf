import { Field, ObjectType } from 'type-graphql';
import type { ResourceRecord } from '../src/events/index.js';
import { ResourceEventType } from './resource-event-type.enum.js';
import { ResourceKind } from './resource-kind.enum.js';
import { Resource } from './resource.union.js';

// Roots are ResourceEventRecords (src/events/resource-event.ts), built from the change itself.
@ObjectType()
export class ResourceEvent {
  @Field(() => ResourceEventType)
  type!: ResourceEventType;

  @Field(() => String)
  cluster!: string;

  @Field(() => ResourceKind)
  kind!: ResourceKind;

  @Field(() => String, { nullable: true })
  namespace!: string | null;

  @Field(() => String)
  name!: string;

  @Field(() => String)
  resourceVersion!: string;

  @Field(() => Date)
  at!: Date;

  @Field(() => Resource, { nullable: true, description: 'the object after the change; for DELETED, its last state; null for SYNCED' })
  resource!: ResourceRecord | null;
}
