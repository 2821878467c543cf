// Names as Kubernetes validates them (k8s.io/apimachinery/pkg/util/validation: IsDNS1123Label,
// IsDNS1123Subdomain), in its words, and which rule each kind of name follows. A name that
// passes can only ever be one path segment of one object's URL: it is never empty, never
// `.` or `..`, and holds no `/`, so it cannot reach a collection URL.
import { checkText } from './text.js';
import { quote, refuse } from './problem.js';

export const MAX_LABEL_LENGTH = 63;
export const MAX_SUBDOMAIN_LENGTH = 253;

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

const LABEL_RULE = "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character";
const SUBDOMAIN_RULE = "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character";

/** What apimachinery's IsDNS1123Label says of the text, or undefined when it is one. */
export function dnsLabelProblem(text: string): string | undefined {
  if (text === '') return 'must not be empty';
  if (text.length > MAX_LABEL_LENGTH) return `must be no more than ${MAX_LABEL_LENGTH} characters`;
  return DNS_LABEL.test(text) ? undefined : LABEL_RULE;
}

/** What apimachinery's IsDNS1123Subdomain says of the text, or undefined when it is one. */
export function dnsSubdomainProblem(text: string): string | undefined {
  if (text === '') return 'must not be empty';
  if (text.length > MAX_SUBDOMAIN_LENGTH) return `must be no more than ${MAX_SUBDOMAIN_LENGTH} characters`;
  return DNS_SUBDOMAIN.test(text) ? undefined : SUBDOMAIN_RULE;
}

export function isDnsLabel(text: string): boolean {
  return dnsLabelProblem(text) === undefined;
}

/**
 * The objects mutations name, and the rule Kubernetes holds each kind's name to: namespaces
 * are labels; Deployments, StatefulSets, DaemonSets and Nodes are subdomains.
 */
const NAME_RULES = {
  Namespace: dnsLabelProblem,
  Deployment: dnsSubdomainProblem,
  StatefulSet: dnsSubdomainProblem,
  DaemonSet: dnsSubdomainProblem,
  Node: dnsSubdomainProblem,
} as const;
export type NamedKind = keyof typeof NAME_RULES;

/** @throws BadUserInputError `field: "x" is not a valid <kind> name: <rule>` */
export function checkObjectName(kind: NamedKind, name: string, field: string): string {
  const problem = NAME_RULES[kind](name);
  if (problem) refuse(field, `${quote(name)} is not a valid ${kind} name: ${problem}`);
  return name;
}

/**
 * A cluster is named by the gateway, not by Kubernetes: kubeconfig contexts may be called
 * `arn:aws:eks:eu-west-1:123:cluster/prod` or `gke_project_zone_name`, so any printable text
 * of 1 to 253 characters without spaces is a name; whether it is a known one is the registry's
 * answer (NOT_FOUND). Cluster names never reach a URL.
 */
export function checkClusterName(name: string, field: string): string {
  checkText(name, field);
  if (name === '') refuse(field, 'a cluster name must not be empty');
  if (name.length > MAX_SUBDOMAIN_LENGTH) refuse(field, `a cluster name must be no more than ${MAX_SUBDOMAIN_LENGTH} characters`);
  if (/\s/u.test(name)) refuse(field, `${quote(name)} is not a cluster name: it holds white space`);
  return name;
}
