// The operation mutations' inputs, checked whole before anything is read or planned:
// rolloutImage, restartWorkloads, rollbackWorkload, restartHosts, cancelOperation. Besides
// names and bounds, an empty selector or filter is refused: it would mean "everything".
import { parseUserSelector } from '../errors/index.js';
import { ImageParseError, parseImage } from '../images/index.js';
import { checkInputText } from './input-text.js';
import { checkClusterName, checkObjectName } from './names.js';
import { BOUNDS, checkInteger } from './numbers.js';
import { nonEmpty, refuse } from './problem.js';
import { type WorkloadFilterInput, checkWorkloadFilter } from './workload-filter.js';
import { type WorkloadRefInput, checkWorkloadRef } from './workload-inputs.js';

/** Longest idempotency key and operation id accepted. */
export const MAX_KEY_LENGTH = 256;

interface StrategyInput {
  maxParallelClusters?: number | null;
  timeoutSeconds?: number | null;
}

interface OperationInput {
  strategy?: StrategyInput | null;
  idempotencyKey?: string | null;
}

export interface RolloutImageInput extends OperationInput {
  image: string;
  filter?: readonly string[] | null;
  clusters?: readonly string[] | null;
  namespaces?: readonly string[] | null;
}

export interface RestartWorkloadsInput extends OperationInput {
  workloads?: readonly WorkloadRefInput[] | null;
  filter?: WorkloadFilterInput | null;
  allNamespaces?: boolean | null;
}

export interface RestartHostsInput {
  cluster: string;
  hosts?: readonly string[] | null;
  labelSelector?: string | null;
  allHosts?: boolean | null;
  maxUnavailable?: number | null;
  idempotencyKey?: string | null;
}

export interface RollbackWorkloadInput {
  workload: WorkloadRefInput;
  revision?: number | null;
}

export function checkRolloutImage(input: RolloutImageInput): void {
  checkInputText({ input });
  checkImage(input.image, 'input.image');
  if (input.filter && input.filter.length === 0) {
    refuse('input.filter', 'an empty filter would make every container of every image a candidate; leave it out for the default (IMAGE_NAME, IMAGE_OWNER, OWNER, REPO, BRANCH) or name the fields to compare');
  }
  nonEmpty(input.clusters, 'input.clusters')?.forEach((c, i) => checkClusterName(c, `input.clusters[${i}]`));
  nonEmpty(input.namespaces, 'input.namespaces')?.forEach((ns, i) => checkObjectName('Namespace', ns, `input.namespaces[${i}]`));
  checkOperationOptions(input);
}

export function checkRestartWorkloads(input: RestartWorkloadsInput): void {
  checkInputText({ input });
  const { workloads, filter, allNamespaces } = input;
  if ((workloads == null) === (filter == null)) refuse('input', 'give either workloads or filter, not both or neither');
  if (workloads) {
    if (workloads.length === 0) refuse('input.workloads', 'name at least one workload');
    if (allNamespaces === true) refuse('input.allNamespaces', 'goes with filter only: the workloads named are the ones restarted');
    workloads.forEach((ref, i) => checkWorkloadRef(ref, `input.workloads[${i}]`));
  }
  if (filter) checkWorkloadFilter(filter, 'input.filter', { allNamespaces: allNamespaces === true });
  checkOperationOptions(input);
}

export function checkRestartHosts(input: RestartHostsInput): void {
  checkInputText({ input });
  checkClusterName(input.cluster, 'input.cluster');
  const { hosts, labelSelector, allHosts } = input;
  if (allHosts === true && hosts != null) refuse('input.allHosts', 'give either hosts or allHosts, not both');
  if (allHosts !== true && (hosts == null) === (labelSelector == null)) refuse('input', 'give either hosts or labelSelector, not both or neither');
  if (hosts) {
    if (hosts.length === 0) refuse('input.hosts', 'name at least one host');
    hosts.forEach((host, i) => checkObjectName('Node', host, `input.hosts[${i}]`));
  }
  if (labelSelector != null) {
    const empty = parseUserSelector(labelSelector, 'input.labelSelector').isEmpty();
    if (empty && allHosts !== true) refuse('input.labelSelector', 'an empty selector would restart every host of the cluster; give a selector, or set allHosts: true to mean every host');
    if (!empty && allHosts === true) refuse('input.allHosts', 'give either a labelSelector or allHosts, not both');
  }
  if (input.maxUnavailable != null) checkInteger(input.maxUnavailable, 'input.maxUnavailable', BOUNDS.maxUnavailable);
  checkIdempotencyKey(input.idempotencyKey, 'input.idempotencyKey');
}

export function checkRollbackWorkload(input: RollbackWorkloadInput): void {
  checkInputText({ input });
  checkWorkloadRef(input.workload, 'input.workload');
  if (input.revision != null) checkInteger(input.revision, 'input.revision', BOUNDS.revision);
}

/** cancelOperation(id) */
export function checkOperationId(id: string): void {
  checkInputText({ id });
  if (id === '') refuse('id', 'must not be empty');
  if (id.length > MAX_KEY_LENGTH) refuse('id', `is longer than ${MAX_KEY_LENGTH} characters: no operation has such an id`);
}

function checkOperationOptions({ strategy, idempotencyKey }: OperationInput): void {
  if (strategy?.maxParallelClusters != null) checkInteger(strategy.maxParallelClusters, 'input.strategy.maxParallelClusters', BOUNDS.maxParallelClusters);
  if (strategy?.timeoutSeconds != null) checkInteger(strategy.timeoutSeconds, 'input.strategy.timeoutSeconds', BOUNDS.timeoutSeconds);
  checkIdempotencyKey(idempotencyKey, 'input.idempotencyKey');
}

function checkIdempotencyKey(key: string | null | undefined, field: string): void {
  if (key == null) return;
  if (key.trim() === '') refuse(field, 'must not be empty; leave it out to make every request a new operation');
  if (key.length > MAX_KEY_LENGTH) refuse(field, `must be no more than ${MAX_KEY_LENGTH} characters`);
}

function checkImage(image: string, field: string): void {
  if (image.trim() === '') refuse(field, 'must not be empty');
  try {
    parseImage(image);
  } catch (err) {
    if (err instanceof ImageParseError) refuse(field, err.message);
    throw err;
  }
}
