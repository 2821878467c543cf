// The direct workload and host mutations' inputs, checked whole before any cluster is asked:
// scaleWorkload, pause/resume/deleteWorkload, cordon/uncordonHost, deployWorkload (whose pod
// template's shape and Pod Security are src/environments/pod-template.ts's, called after this).
import type { WorkloadKind } from '../model/records.js';
import { KUBE_KIND_OF } from '../model/workload.js';
import { checkInputText } from './input-text.js';
import { checkClusterName, checkObjectName } from './names.js';
import { checkInteger, replicaBounds } from './numbers.js';

export interface WorkloadRefInput {
  cluster: string;
  namespace: string;
  kind: WorkloadKind;
  name: string;
}

/** What the gateway's settings let a mutation ask for. */
export interface InputLimits {
  /** MAX_REPLICAS: the most replicas scaleWorkload and deployWorkload accept; default 10,000 */
  readonly maxReplicas?: number;
}

/** @throws BadUserInputError naming `${field}.cluster`, `.namespace` or `.name` */
export function checkWorkloadRef(ref: WorkloadRefInput, field: string): void {
  checkClusterName(ref.cluster, `${field}.cluster`);
  checkObjectName('Namespace', ref.namespace, `${field}.namespace`);
  checkObjectName(KUBE_KIND_OF[ref.kind], ref.name, `${field}.name`);
}

/** scaleWorkload(input: { workload, replicas }) */
export function checkScaleWorkload(input: { workload: WorkloadRefInput; replicas: number }, limits: InputLimits = {}): void {
  checkInputText({ input });
  checkWorkloadRef(input.workload, 'input.workload');
  checkReplicas(input.replicas, 'input.replicas', limits);
}

/** pauseWorkload, resumeWorkload, deleteWorkload (workload: WorkloadRef) */
export function checkWorkloadArgument(workload: WorkloadRefInput): void {
  checkInputText({ workload });
  checkWorkloadRef(workload, 'workload');
}

/** cordonHost, uncordonHost (cluster, name) */
export function checkHostArguments(cluster: string, name: string): void {
  checkInputText({ cluster, name });
  checkClusterName(cluster, 'cluster');
  checkObjectName('Node', name, 'name');
}

export function checkReplicas(replicas: number, field: string, { maxReplicas }: InputLimits = {}): number {
  return checkInteger(replicas, field, replicaBounds(maxReplicas), 'MAX_REPLICAS');
}
