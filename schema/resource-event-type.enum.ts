import { registerEnumType } from 'type-graphql';
import type { ResourceEventType as EventType } from '../src/events/index.js';

export const ResourceEventType = {
  ADDED: 'ADDED',
  MODIFIED: 'MODIFIED',
  DELETED: 'DELETED',
  SYNCED: 'SYNCED',
} as const satisfies { [K in EventType]: K };
export type ResourceEventType = EventType;

registerEnumType(ResourceEventType, {
  name: 'ResourceEventType',
  valuesConfig: {
    SYNCED: {
      description:
        'resourceChanged(initial: true) only: every object matching the filter has been sent (as ADDED); live changes follow. Once per subscription, about no object: cluster, name and resourceVersion are empty, namespace and resource null, kind the first the filter follows.',
    },
  },
});
