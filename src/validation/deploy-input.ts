// deployWorkload's input, checked whole before any cluster is asked: every string, the pod
// template's depth and size, the names, replicas and host names. The template's shape and its
// Pod Security come next, in src/environments/pod-template.ts.
import { normalizeHostNames } from './host-names.js';
import { checkWorkloadName, environmentTarget } from './environment-names.js';
import { checkInputText } from './input-text.js';
import { checkClusterName } from './names.js';
import { type InputLimits, checkReplicas } from './workload-inputs.js';

export interface DeployWorkloadInput {
  environment: string;
  cluster: string;
  name: string;
  /** default 1 */
  replicas?: number | null;
  podTemplate: Record<string, unknown>;
  publicHosts?: readonly string[] | null;
  privateHosts?: readonly string[] | null;
}

export function checkDeployWorkload(input: DeployWorkloadInput, limits: InputLimits = {}): void {
  checkInputText({ input }, { json: ['input.podTemplate'] });
  environmentTarget(input.environment, 'input.environment');
  checkClusterName(input.cluster, 'input.cluster');
  // A label, not only a subdomain: the name is also the `app` label value selecting its pods.
  checkWorkloadName(input.name, 'input.name');
  if (input.replicas != null) checkReplicas(input.replicas, 'input.replicas', limits);
  normalizeHostNames(input.publicHosts ?? [], 'input.publicHosts');
  normalizeHostNames(input.privateHosts ?? [], 'input.privateHosts');
}
