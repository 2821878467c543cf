import { registerEnumType } from 'type-graphql';
import type { ChangeType } from '../src/events/index.js';

export const ResourceEventType = {
  ADDED: 'ADDED',
  MODIFIED: 'MODIFIED',
  DELETED: 'DELETED',
} as const satisfies { [K in ChangeType]: K };
export type ResourceEventType = ChangeType;

registerEnumType(ResourceEventType, { name: 'ResourceEventType' });
