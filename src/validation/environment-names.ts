// Names the direct mutations accept: environments (`org:env`) and the workloads deployed
// into them. Pure checks; each failure is a BadUserInputError naming the field and the rule.
import { BadUserInputError } from '../errors/index.js';
import { environmentNamespace, parseEnvironmentName } from '../model/environment.js';
import { MAX_LABEL_LENGTH, isDnsLabel } from './names.js';

const LABEL_RULE = "lower-case letters, digits and '-', starting and ending with a letter or digit";

export interface EnvironmentTarget {
  /** `org:env` */
  readonly name: string;
  readonly org: string;
  readonly env: string;
  /** `org-env`, the namespace that backs it in each of its clusters */
  readonly namespace: string;
}

/**
 * The environment an `org:env` name stands for: exactly two DNS-1123 labels joined by `:`,
 * whose namespace `org-env` is itself a DNS-1123 label (at most 63 characters).
 * @throws BadUserInputError saying which rule the name breaks.
 */
export function environmentTarget(name: string, field = 'name'): EnvironmentTarget {
  const parsed = parseEnvironmentName(name);
  if (parsed) return { name, ...parsed, namespace: environmentNamespace(name) };
  const parts = name.split(':');
  if (parts.length !== 2) throw new BadUserInputError(`${field}: "${name}" is not an environment name of the org:env form`);
  const bad = parts.find((part) => !isDnsLabel(part));
  if (bad !== undefined) throw new BadUserInputError(`${field}: "${bad}" in "${name}" is not a DNS-1123 label (${LABEL_RULE}) as each half of org:env must be`);
  throw new BadUserInputError(`${field}: "${name}" makes a namespace name longer than ${MAX_LABEL_LENGTH} characters`);
}

/**
 * A workload name: a DNS-1123 label, because it is also the `app` label value that selects
 * the workload's pods and the stem of their names.
 * @throws BadUserInputError
 */
export function checkWorkloadName(name: string, field = 'name'): string {
  if (!isDnsLabel(name)) throw new BadUserInputError(`${field}: "${name}" is not a DNS-1123 label (${LABEL_RULE}, at most ${MAX_LABEL_LENGTH} characters)`);
  return name;
}
