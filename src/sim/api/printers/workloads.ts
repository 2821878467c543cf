// The apps/v1 workloads: deployments, replicasets, statefulsets, daemonsets and the
// controllerrevisions behind the last two.
import type { KubeObject } from '../../objects.js';
import { type Column, type Printer, ageColumn, count, nameColumn } from './columns.js';
import { containerImages, containerNames, formatLabelSelector, formatLabels, selectorString } from './format.js';

const containersColumn: Column = { name: 'Containers', type: 'string', priority: 1, description: 'Names of each container in the template.', cell: (o) => containerNames(o.spec) };
const imagesColumn: Column = { name: 'Images', type: 'string', priority: 1, description: 'Images referenced by each container in the template.', cell: (o) => containerImages(o.spec) };
const SELECTOR_DOC = 'Label selector for pods. Existing ReplicaSets whose pods are selected by this will be the ones affected by this deployment.';

/** spec.replicas as the API server defaults it */
function desired(o: KubeObject): number {
  return count(o.spec?.replicas ?? 1);
}

function statusCount(field: string, type: Column['type'], name: string, description: string): Column {
  return { name, type, description, cell: (o) => count(o.status?.[field]) };
}

const deploymentColumns: Column[] = [
  nameColumn,
  { name: 'Ready', type: 'string', description: 'Number of the pod with ready state', cell: (d) => `${count(d.status?.readyReplicas)}/${desired(d)}` },
  statusCount('updatedReplicas', 'string', 'Up-to-date', 'Total number of non-terminated pods targeted by this deployment that have the desired template spec.'),
  statusCount('availableReplicas', 'string', 'Available', 'Total number of available pods (ready for at least minReadySeconds) targeted by this deployment.'),
  ageColumn,
  containersColumn,
  imagesColumn,
  // Deployments print the selector bare: '' when empty, `<invalid>` when it does not parse.
  { name: 'Selector', type: 'string', priority: 1, description: SELECTOR_DOC, cell: (d) => selectorString(d.spec?.selector) ?? '<invalid>' },
];

const replicaSetColumns: Column[] = [
  nameColumn,
  { name: 'Desired', type: 'integer', description: 'Replicas is the number of desired replicas.', cell: desired },
  statusCount('replicas', 'integer', 'Current', 'Replicas is the most recently observed number of replicas.'),
  statusCount('readyReplicas', 'integer', 'Ready', 'The number of ready replicas for this replica set.'),
  ageColumn,
  containersColumn,
  imagesColumn,
  { name: 'Selector', type: 'string', priority: 1, description: 'Selector is a label query over pods that should match the replica count.', cell: (o) => formatLabelSelector(o.spec?.selector) },
];

const statefulSetColumns: Column[] = [
  nameColumn,
  { name: 'Ready', type: 'string', description: 'Number of the pod with ready state', cell: (s) => `${count(s.status?.readyReplicas)}/${desired(s)}` },
  ageColumn,
  containersColumn,
  imagesColumn,
];

const daemonSetColumns: Column[] = [
  nameColumn,
  statusCount('desiredNumberScheduled', 'integer', 'Desired', 'The total number of nodes that should be running the daemon pod (including nodes correctly running the daemon pod).'),
  statusCount('currentNumberScheduled', 'integer', 'Current', 'The number of nodes that are running at least 1 daemon pod and are supposed to run the daemon pod.'),
  statusCount('numberReady', 'integer', 'Ready', 'The number of nodes that should be running the daemon pod and have one or more of the daemon pod running and ready.'),
  statusCount('updatedNumberScheduled', 'integer', 'Up-to-date', 'The total number of nodes that are running updated daemon pod'),
  statusCount('numberAvailable', 'integer', 'Available', 'The number of nodes that should be running the daemon pod and have one or more of the daemon pod running and available (ready for at least spec.minReadySeconds)'),
  {
    name: 'Node Selector',
    type: 'string',
    description: "NodeSelector is a selector which must be true for the pod to fit on a node. Selector which must match a node's labels for the pod to be scheduled on that node.",
    cell: (o) => formatLabels(o.spec?.template?.spec?.nodeSelector),
  },
  ageColumn,
  containersColumn,
  imagesColumn,
  { name: 'Selector', type: 'string', priority: 1, description: 'A label query over pods that are managed by the daemon set.', cell: (o) => formatLabelSelector(o.spec?.selector) },
];

/** `daemonset.apps/node-exporter`: the controlling owner as kind.group/name, `<none>` without one */
function controllerOf(o: KubeObject): string {
  const ref = (o.metadata.ownerReferences ?? []).find((r) => r.controller);
  if (!ref) return '<none>';
  const slash = ref.apiVersion.indexOf('/');
  const group = slash < 0 ? '' : ref.apiVersion.slice(0, slash);
  return `${(group ? `${ref.kind}.${group}` : ref.kind).toLowerCase()}/${ref.name}`;
}

const controllerRevisionColumns: Column[] = [
  nameColumn,
  { name: 'Controller', type: 'string', description: 'Controller of the object', cell: controllerOf },
  { name: 'Revision', type: 'string', description: 'Revision indicates the revision of the state represented by Data.', cell: (o) => count(o.revision) },
  ageColumn,
];

export const deploymentPrinter: Printer = { columns: deploymentColumns };
export const replicaSetPrinter: Printer = { columns: replicaSetColumns };
export const statefulSetPrinter: Printer = { columns: statefulSetColumns };
export const daemonSetPrinter: Printer = { columns: daemonSetColumns };
export const controllerRevisionPrinter: Printer = { columns: controllerRevisionColumns };

