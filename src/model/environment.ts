// Environments (reference 001): a namespace `org-env`, labelled as one, backs environment
// `org:env` in its cluster; namespaces of that name in several clusters make one environment.
import { HOST_NAMES_ANNOTATION } from './environment-labels.js';
import { toGlobalId } from './ids.js';
import type { EnvironmentRecord, NamespaceRecord } from './records.js';

// Each half is a DNS label, so that `org-env` is a valid namespace name.
const LABEL = '[a-z0-9](?:[-a-z0-9]*[a-z0-9])?';
const NAME = new RegExp(`^(${LABEL}):(${LABEL})$`);
/** a namespace name is a DNS label: at most 63 characters */
const MAX_NAMESPACE_LENGTH = 63;

export interface EnvironmentName {
  org: string;
  env: string;
}

/** The org and env of an `org:env` name, or undefined when the name is not of that form. */
export function parseEnvironmentName(name: string): EnvironmentName | undefined {
  const match = NAME.exec(name);
  if (!match || name.length > MAX_NAMESPACE_LENGTH) return undefined;
  return { org: match[1]!, env: match[2]! };
}

/** The namespace that backs `org:env`: `org-env`. The name must be of the `org:env` form. */
export function environmentNamespace(name: string): string {
  return name.replace(':', '-');
}

/** Host names from the space-separated annotation, in the order written. */
export function hostNamesOf(annotations: Readonly<Record<string, string>>): string[] {
  return (annotations[HOST_NAMES_ANNOTATION] ?? '').split(/\s+/).filter((host) => host !== '');
}

/**
 * The environments the namespaces back, sorted by name. A namespace counts when it names an
 * environment of the `org:env` form and is itself named `org-env`; any other is left out rather
 * than guessed at, so that an environment's namespace is the same in each of its clusters.
 * Host names are the union over its clusters; createdAt the earliest.
 */
export function groupEnvironments(namespaces: readonly NamespaceRecord[]): EnvironmentRecord[] {
  const byName = new Map<string, NamespaceRecord[]>();
  for (const ns of namespaces) {
    const name = ns.environment;
    if (name === null || !parseEnvironmentName(name) || ns.name !== environmentNamespace(name)) continue;
    byName.set(name, [...(byName.get(name) ?? []), ns]);
  }
  return [...byName.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([name, backing]) => toEnvironmentRecord(name, backing));
}

function toEnvironmentRecord(name: string, backing: readonly NamespaceRecord[]): EnvironmentRecord {
  return {
    kind: 'Environment',
    id: toGlobalId('Environment', name),
    name,
    namespace: environmentNamespace(name),
    clusters: sortedUnique(backing.map((ns) => ns.cluster)),
    hostNames: sortedUnique(backing.flatMap((ns) => hostNamesOf(ns.annotations))),
    createdAt: earliest(backing.map((ns) => ns.createdAt)),
  };
}

// Code-point order, as the registry sorts clusters: the same on every machine.
function sortedUnique(values: readonly string[]): string[] {
  return [...new Set(values)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

function earliest(dates: readonly (Date | null)[]): Date | null {
  return dates.reduce<Date | null>((min, d) => (d !== null && (min === null || d < min) ? d : min), null);
}
