// `kubectl get events`: LAST SEEN TYPE REASON OBJECT MESSAGE, and with -o wide
// SUBOBJECT SOURCE FIRST SEEN COUNT NAME. Works for core/v1 events whether they were
// recorded the old way (first/lastTimestamp, count) or the new (eventTime, series).
import type { KubeObject } from '../../objects.js';
import { type Column, type PrintContext, type Printer, NAME_DOC, count, text } from './columns.js';
import { since } from './duration.js';

function firstSeen(ev: KubeObject, ctx: PrintContext): string {
  return ev.firstTimestamp ? since(ev.firstTimestamp, ctx.now) : since(ev.eventTime, ctx.now);
}

function lastSeen(ev: KubeObject, ctx: PrintContext): string {
  if (ev.series) return since(ev.series.lastObservedTime, ctx.now);
  return ev.lastTimestamp ? since(ev.lastTimestamp, ctx.now) : firstSeen(ev, ctx);
}

/** a singleton event of the new API has no count: it happened once */
function timesSeen(ev: KubeObject): number {
  if (ev.series) return count(ev.series.count);
  return count(ev.count) || 1;
}

/** `pod/web-1`, or the bare kind when the event is about no named object */
function involved(ev: KubeObject): string {
  const kind = text(ev.involvedObject?.kind).toLowerCase();
  const name = text(ev.involvedObject?.name);
  return name ? `${kind}/${name}` : kind;
}

/** `kubelet, node-1`: component and host, falling back to the reporting controller and instance */
function source(ev: KubeObject): string {
  const component = text(ev.source?.component) || text(ev.reportingComponent);
  const instance = text(ev.source?.host) || text(ev.reportingInstance);
  return instance ? `${component}, ${instance}` : component;
}

const columns: Column[] = [
  { name: 'Last Seen', type: 'string', description: 'The time at which the most recent occurrence of this event was recorded.', cell: lastSeen },
  { name: 'Type', type: 'string', description: 'Type of this event (Normal, Warning), new types could be added in the future', cell: (e) => text(e.type) },
  { name: 'Reason', type: 'string', description: "This should be a short, machine understandable string that gives the reason for the transition into the object's current status.", cell: (e) => text(e.reason) },
  { name: 'Object', type: 'string', description: 'The object that this event is about.', cell: involved },
  {
    name: 'Subobject',
    type: 'string',
    priority: 1,
    description: 'If referring to a piece of an object instead of an entire object, this string should contain a valid JSON/Go field access statement, such as desiredState.manifest.containers[2].',
    cell: (e) => text(e.involvedObject?.fieldPath),
  },
  { name: 'Source', type: 'string', priority: 1, description: 'The component reporting this event. Should be a short machine understandable string.', cell: source },
  { name: 'Message', type: 'string', description: 'A human-readable description of the status of this operation.', cell: (e) => text(e.message).trim() },
  { name: 'First Seen', type: 'string', priority: 1, description: 'The time at which the event was first recorded. (Time of server receipt is in TypeMeta.)', cell: firstSeen },
  { name: 'Count', type: 'string', priority: 1, description: 'The number of times this event has occurred.', cell: timesSeen },
  { name: 'Name', type: 'string', format: 'name', priority: 1, description: NAME_DOC, cell: (e) => e.metadata.name },
];

/** a list of events prints oldest first, by lastTimestamp; an event without one (the zero time) leads */
function byLastTimestamp(a: KubeObject, b: KubeObject): number {
  const at = (ev: KubeObject) => (ev.lastTimestamp ? Date.parse(ev.lastTimestamp) : -Infinity);
  return at(a) - at(b) || 0;
}

export const eventPrinter: Printer = { columns, compare: byLastTimestamp };

