// deployWorkload: a Deployment in an environment's namespace of one cluster, from a pod
// template with one container (reference 001). Every check runs before the cluster is asked.
import { BadUserInputError, ConflictError, NotFoundError } from '../errors/index.js';
import type { ClusterRegistry } from '../fleet/index.js';
import { toNamespaceRecord } from '../model/namespace.js';
import type { WorkloadRecord } from '../model/records.js';
import { workloadRecord } from '../model/workload.js';
import { requireCluster } from '../fleet/cluster-names.js';
import { kubeCall } from '../mutations/kube-errors.js';
import { deploymentManifest } from './deployment.js';
import { normalizeHostNames } from '../validation/host-names.js';
import { checkWorkloadName, environmentTarget } from '../validation/environment-names.js';
import { checkPodTemplate, type PodTemplatePolicy } from './pod-template.js';
import { type DeployWorkloadInput, type InputLimits, checkDeployWorkload } from '../validation/index.js';

/** deployWorkload's input; its checks (src/validation) and this share one definition. */
export type { DeployWorkloadInput };

/**
 * The new Deployment as the cluster stored it (its pods are yet to come).
 * @throws BadUserInputError (environment name, name, replicas, pod template, hosts, a privileged
 * container the policy refuses, or a template the cluster refuses), NotFoundError (cluster, or
 * the environment in that cluster), ConflictError (a Deployment of that name exists), ClusterUnavailableError
 */
export async function deployWorkload(registry: ClusterRegistry, policy: PodTemplatePolicy & InputLimits, input: DeployWorkloadInput): Promise<WorkloadRecord> {
  checkDeployWorkload(input, policy);
  const target = environmentTarget(input.environment, 'input.environment');
  const name = checkWorkloadName(input.name, 'input.name');
  const manifest = deploymentManifest({
    name,
    namespace: target.namespace,
    replicas: input.replicas ?? 1,
    template: checkPodTemplate(input.podTemplate, policy, 'input.podTemplate'),
    publicHosts: normalizeHostNames(input.publicHosts ?? [], 'input.publicHosts'),
    privateHosts: normalizeHostNames(input.privateHosts ?? [], 'input.privateHosts'),
  });
  const cluster = requireCluster(registry, input.cluster, 'input.cluster');
  const ns = await kubeCall(() => cluster.client.get('Namespace', target.namespace));
  if (!ns || toNamespaceRecord(cluster.name, ns).environment !== target.name) {
    throw new NotFoundError(`input.environment: ${target.name} does not exist in cluster "${cluster.name}"`);
  }
  const created = await kubeCall(() => cluster.client.create('Deployment', manifest, { namespace: target.namespace }), {
    conflict: () => new ConflictError(`input.name: a Deployment named ${name} already exists in environment ${target.name} in cluster "${cluster.name}"`),
    // The server's own words are not passed on (they may quote anything); its verdict is.
    invalid: (err) => new BadUserInputError(`input.podTemplate: cluster "${cluster.name}" refused the Deployment: ${err.message}`),
  });
  return workloadRecord(cluster.name, 'DEPLOYMENT', created);
}
