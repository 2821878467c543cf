import { Field, InputType } from 'type-graphql';

// What each criterion counts, and how absent and empty lists read: src/summary/count-fleet.ts.
@InputType({ description: 'what summary and summaryChanged count over; an absent list counts everything the caller sees' })
export class SummaryFilter {
  @Field(() => [String], { nullable: true, description: 'cluster names; one the caller does not see is refused (BAD_USER_INPUT)' })
  clusters?: string[] | null;

  @Field(() => [String], { nullable: true, description: 'namespace names, for workloads and pods; hosts belong to no namespace and are always counted' })
  namespaces?: string[] | null;
}
