import { JSONObjectResolver } from 'graphql-scalars';
import { Field, ID, ObjectType } from 'type-graphql';
import { AuditOutcome } from './audit-outcome.enum.js';

// Roots are the store's AuditEntry (src/store): code, message and operationId are shaped by the resolver.
@ObjectType({ description: 'One mutation attempt: who asked for what, and how it ended' })
export class AuditEntry {
  @Field(() => ID)
  id!: string;

  @Field(() => Date, { description: 'when the mutation was attempted' })
  at!: Date;

  @Field(() => Date, { nullable: true, description: 'when its outcome was recorded; null while PENDING' })
  finishedAt!: Date | null;

  @Field(() => String, { description: 'who asked' })
  principal!: string;

  @Field(() => String, { description: 'the mutation, e.g. rolloutImage' })
  action!: string;

  @Field(() => JSONObjectResolver, { description: 'its arguments, secrets replaced by "[redacted]"; past the audit\'s depth and size limits cut short with "[truncated: …]" markers' })
  args!: Record<string, unknown>;

  @Field(() => AuditOutcome)
  outcome!: AuditOutcome;

  @Field(() => String, { nullable: true, description: "the error's extensions.code, when it failed" })
  code!: string | null;

  @Field(() => String, { nullable: true, description: 'the error message the caller got, when it failed' })
  message!: string | null;

  @Field(() => ID, { nullable: true, description: 'the Operation it started, if any' })
  operationId!: string | null;
}
