// What a sink POSTs. This is the documented wire format (README, "Event sinks"): change it
// only compatibly, since receivers outside this repository parse it.
import type { ChangeType, ResourceChange, WatchedKind } from '../events/types.js';

/**
 * The body of every POST, `Content-Type: application/json`:
 *
 * ```json
 * {
 *   "sink": "audit",                        // the sink's name from the sinks file
 *   "sentAt": "2025-01-01T12:00:01.000Z",   // when this attempt was sent (a retry has a later one)
 *   "events": [                             // 1..batchSize, oldest first; per object in change order
 *     {
 *       "type": "MODIFIED",                 // ADDED | MODIFIED | DELETED
 *       "cluster": "prod-eu",
 *       "kind": "Deployment",               // Kubernetes kind: Deployment StatefulSet DaemonSet Pod Node Namespace
 *       "namespace": "acme-production",     // null for Node and Namespace
 *       "name": "api",
 *       "resourceVersion": "1234",          // after the change; for DELETED the last one
 *       "at": "2025-01-01T12:00:00.250Z",   // when the gateway saw the change
 *       "object": { ... }                   // the Kubernetes object after the change (for DELETED its
 *     }                                     // last state), minus the sink's pruneFields
 *   ]
 * }
 * ```
 * A retried batch is sent again whole, so a receiver may see an event twice (at-least-once):
 * (cluster, kind, namespace, name, resourceVersion) identifies it.
 */
export interface SinkPayload {
  sink: string;
  sentAt: string;
  events: SinkEvent[];
}

export interface SinkEvent {
  type: ChangeType;
  cluster: string;
  kind: WatchedKind;
  namespace: string | null;
  name: string;
  resourceVersion: string;
  at: string;
  object: unknown;
}

/** The event for one change, carrying the object as the sink pruned it. */
export function sinkEvent(change: ResourceChange, object: unknown): SinkEvent {
  const { type, cluster, kind, namespace, name, resourceVersion, at } = change;
  return { type, cluster, kind, namespace: namespace ?? null, name, resourceVersion, at: at.toISOString(), object };
}

export function sinkPayload(sink: string, events: SinkEvent[], sentAt: Date): SinkPayload {
  return { sink, sentAt: sentAt.toISOString(), events };
}
