// Which printer makes the Table for which kind.
import type { Printer } from './columns.js';
import { defaultPrinter, namespacePrinter, secretPrinter } from './basic.js';
import { configMapPrinter, serviceAccountPrinter, servicePrinter } from './config.js';
import { eventPrinter } from './event.js';
import { nodePrinter } from './node.js';
import { podPrinter } from './pod.js';
import { clusterRoleBindingPrinter } from './rbac.js';
import { controllerRevisionPrinter, daemonSetPrinter, deploymentPrinter, replicaSetPrinter, statefulSetPrinter } from './workloads.js';

export type { Cell, Column, PrintContext, Printer, RowCondition } from './columns.js';
export { humanDuration } from './duration.js';

const printers: Readonly<Record<string, Printer>> = {
  Namespace: namespacePrinter,
  Node: nodePrinter,
  Pod: podPrinter,
  Secret: secretPrinter,
  ConfigMap: configMapPrinter,
  Service: servicePrinter,
  ServiceAccount: serviceAccountPrinter,
  ClusterRoleBinding: clusterRoleBindingPrinter,
  Event: eventPrinter,
  Deployment: deploymentPrinter,
  ReplicaSet: replicaSetPrinter,
  StatefulSet: statefulSetPrinter,
  DaemonSet: daemonSetPrinter,
  ControllerRevision: controllerRevisionPrinter,
};

/** the printer for a kind; kinds without one get the API server's default Name / Created At table */
export function printerFor(kind: string): Printer {
  return Object.hasOwn(printers, kind) ? printers[kind]! : defaultPrinter;
}
