import { ObjectType } from 'type-graphql';
import { AuditEntry } from './audit-entry.type.js';
import { Connection } from './connection.js';

@ObjectType()
export class AuditEntryConnection extends Connection('AuditEntry', AuditEntry) {}
