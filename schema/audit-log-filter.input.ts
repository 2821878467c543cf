import { Field, InputType } from 'type-graphql';

// Absent or null criteria match every entry; given ones must all hold.
@InputType()
export class AuditLogFilter {
  @Field(() => String, { nullable: true, description: "exactly this principal's name" })
  principal?: string | null;

  @Field(() => String, { nullable: true, description: "exactly this mutation's name, e.g. deployWorkload" })
  action?: string | null;

  @Field(() => Date, { nullable: true, description: 'attempted at or after this time' })
  since?: Date | null;
}
