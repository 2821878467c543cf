import { Field, InputType } from 'type-graphql';
import { ResourceEventType } from './resource-event-type.enum.js';
import { ResourceKind } from './resource-kind.enum.js';

// Checked and applied by compileFilter (src/events/filter.ts).
@InputType()
export class ResourceEventFilter {
  @Field(() => [String], { nullable: true })
  clusters?: string[] | null;

  @Field(() => [ResourceKind], { nullable: true })
  kinds?: ResourceKind[] | null;

  @Field(() => [String], { nullable: true })
  namespaces?: string[] | null;

  @Field(() => String, { nullable: true })
  labelSelector?: string | null;

  @Field(() => [ResourceEventType], { nullable: true })
  types?: ResourceEventType[] | null;
}
