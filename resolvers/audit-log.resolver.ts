import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import { pageAuditLog } from '../src/audit/index.js';
import { requireRole } from '../src/auth/index.js';
import { toGlobalId } from '../src/model/ids.js';
import type { Page } from '../src/query/paginate.js';
import type { GatewayContext } from '../src/server/context.js';
import type { AuditEntry as AuditEntryRecord } from '../src/store/index.js';
import { AuditEntryConnection } from '../schema/audit-entry-connection.type.js';
import { AuditEntry } from '../schema/audit-entry.type.js';
import { AuditLogFilter } from '../schema/audit-log-filter.input.js';

@Resolver(() => AuditEntry)
export class AuditLogResolver {
  @Query(() => AuditEntryConnection, { description: 'Every mutation attempt, newest first. ADMIN only.' })
  auditLog(
    @Arg('filter', () => AuditLogFilter, { nullable: true }) filter: AuditLogFilter | null,
    @Arg('first', () => Int, { nullable: true }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Ctx() ctx: GatewayContext,
  ): Promise<Page<AuditEntryRecord>> {
    requireRole(ctx.principal, 'ADMIN', 'auditLog');
    return pageAuditLog(ctx.store.audit, filter ?? {}, { first, after });
  }

  @FieldResolver(() => String, { nullable: true })
  code(@Root() entry: AuditEntryRecord): string | null {
    return entry.error?.code ?? null;
  }

  @FieldResolver(() => String, { nullable: true })
  message(@Root() entry: AuditEntryRecord): string | null {
    return entry.error?.message ?? null;
  }

  @FieldResolver(() => ID, { nullable: true })
  operationId(@Root() entry: AuditEntryRecord): string | null {
    return entry.operationId === null ? null : toGlobalId('Operation', entry.operationId);
  }
}
