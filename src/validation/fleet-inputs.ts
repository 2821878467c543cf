// The environment and cluster mutations' inputs, checked whole before any cluster or the
// store is asked: create/update/deleteEnvironment, unregisterCluster (registerCluster's
// input is src/registration/registration-input.ts's, which starts with the same text rules).
import { normalizeHostNames } from './host-names.js';
import { environmentTarget } from './environment-names.js';
import { checkInputText } from './input-text.js';
import { checkClusterName } from './names.js';
import { quote, refuse } from './problem.js';
import { isSystemNamespace } from './scope.js';

export function checkCreateEnvironment(input: { name: string; clusters: readonly string[]; hostNames?: readonly string[] | null }): void {
  checkInputText({ input });
  const { namespace } = environmentTarget(input.name, 'input.name');
  if (isSystemNamespace(namespace)) refuse('input.name', `${quote(input.name)} would be namespace ${namespace}, and the kube- prefix is reserved for Kubernetes`);
  if (input.clusters.length === 0) refuse('input.clusters', 'name at least one cluster');
  input.clusters.forEach((cluster, i) => checkClusterName(cluster, `input.clusters[${i}]`));
  if (input.hostNames) normalizeHostNames(input.hostNames, 'input.hostNames');
}

export function checkUpdateEnvironment(input: { name: string; hostNames: readonly string[] }): void {
  checkInputText({ input });
  environmentTarget(input.name, 'input.name');
  normalizeHostNames(input.hostNames, 'input.hostNames');
}

/** deleteEnvironment(name) */
export function checkEnvironmentNameArgument(name: string): void {
  checkInputText({ name });
  environmentTarget(name, 'name');
}

/** unregisterCluster(name) */
export function checkClusterNameArgument(name: string): void {
  checkInputText({ name });
  checkClusterName(name, 'name');
}
