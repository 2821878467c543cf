// `kubectl get pods`: NAME READY STATUS RESTARTS AGE, and with -o wide
// IP NODE NOMINATED NODE READINESS GATES.
import type { KubeObject } from '../../objects.js';
import { type Column, type Printer, type RowCondition, ageColumn, listOf, nameColumn, text } from './columns.js';
import { humanDuration } from './duration.js';
import { podSummary } from './pod-status.js';

function restartsCell(pod: KubeObject, now: number): string {
  const { restarts, lastRestart } = podSummary(pod);
  return restarts !== 0 && lastRestart !== undefined ? `${restarts} (${humanDuration(now - lastRestart)} ago)` : String(restarts);
}

/** how many readiness gates' conditions are True, as `1/2`; `<none>` without gates */
function readinessGates(pod: KubeObject): string {
  const gates = listOf<{ conditionType?: string }>(pod.spec?.readinessGates);
  if (gates.length === 0) return '<none>';
  const conditions = listOf<{ type?: string; status?: string }>(pod.status?.conditions);
  const passed = gates.filter((g) => conditions.find((c) => c.type === g.conditionType)?.status === 'True').length;
  return `${passed}/${gates.length}`;
}

const columns: Column[] = [
  nameColumn,
  {
    name: 'Ready',
    type: 'string',
    description: 'The aggregate readiness state of this pod for accepting traffic.',
    cell: (p) => {
      const s = podSummary(p);
      return `${s.readyContainers}/${s.totalContainers}`;
    },
  },
  { name: 'Status', type: 'string', description: 'The aggregate status of the containers in this pod.', cell: (p) => podSummary(p).reason },
  {
    name: 'Restarts',
    type: 'string',
    description: 'The number of times the containers in this pod have been restarted and when the last container in this pod has restarted.',
    cell: (p, ctx) => restartsCell(p, ctx.now),
  },
  ageColumn,
  {
    name: 'IP',
    type: 'string',
    priority: 1,
    description: 'podIP address allocated to the pod. Routable at least within the cluster. Empty if not yet allocated.',
    cell: (p) => text(listOf<{ ip?: string }>(p.status?.podIPs)[0]?.ip) || '<none>',
  },
  {
    name: 'Node',
    type: 'string',
    priority: 1,
    description: 'NodeName indicates in which node this pod is scheduled.',
    cell: (p) => text(p.spec?.nodeName) || '<none>',
  },
  {
    name: 'Nominated Node',
    type: 'string',
    priority: 1,
    description: 'nominatedNodeName is set only when this pod preempts other pods on the node, but it cannot be scheduled right away as preemption victims receive their graceful termination periods.',
    cell: (p) => text(p.status?.nominatedNodeName) || '<none>',
  },
  {
    name: 'Readiness Gates',
    type: 'string',
    priority: 1,
    description: 'If specified, all readiness gates will be evaluated for pod readiness.',
    cell: readinessGates,
  },
];

/** pods that ran to completion are marked, so clients may dim them */
function conditions(pod: KubeObject): RowCondition[] | undefined {
  switch (pod.status?.phase) {
    case 'Succeeded':
      return [{ type: 'Completed', status: 'True', reason: 'Succeeded', message: 'The pod has completed successfully.' }];
    case 'Failed':
      return [{ type: 'Completed', status: 'True', reason: 'Failed', message: 'The pod failed.' }];
    default:
      return undefined;
  }
}

export const podPrinter: Printer = { columns, conditions };
