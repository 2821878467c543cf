// Kubernetes namespaces as the contract's namespaces, and which environment each backs.
import type { KubeObjects } from '../kube/index.js';
import { ENV_LABEL, ENVIRONMENT_LABEL, ENVIRONMENT_NAME_ANNOTATION, ORG_LABEL } from './environment-labels.js';
import { toGlobalId } from './ids.js';
import type { Labels, NamespaceRecord } from './records.js';
import { kubeTime } from './kube-time.js';
import { perObject } from './per-object.js';

type KubeNamespace = KubeObjects['Namespace'];

/**
 * The `org:env` name of the environment a namespace backs, or null when it backs none.
 * Only a namespace labelled `fleetgraph.io/environment: "true"` backs one; its name is the
 * `fleetgraph.io/environment-name` annotation, else built from the org and env labels, else
 * (labelled but named nowhere) null rather than a guess.
 */
export function environmentOf(labels: Labels, annotations: Labels): string | null {
  if (labels[ENVIRONMENT_LABEL] !== 'true') return null;
  const named = annotations[ENVIRONMENT_NAME_ANNOTATION];
  if (named) return named;
  const org = labels[ORG_LABEL];
  const env = labels[ENV_LABEL];
  return org && env ? `${org}:${env}` : null;
}

function makeToNamespaceRecord(cluster: string, namespace: KubeNamespace): NamespaceRecord {
  const name = namespace.metadata?.name ?? '';
  const labels = namespace.metadata?.labels ?? {};
  const annotations = namespace.metadata?.annotations ?? {};
  return {
    kind: 'Namespace',
    id: toGlobalId('Namespace', cluster, name),
    cluster,
    name,
    // The API server always sets a phase; one caught before it did is Active, its default.
    phase: namespace.status?.phase ?? 'Active',
    labels,
    annotations,
    environment: environmentOf(labels, annotations),
    createdAt: kubeTime(namespace.metadata?.creationTimestamp),
  };
}

/** ToNamespaceRecord as made once per object (per-object.ts). */
export const toNamespaceRecord = perObject(makeToNamespaceRecord);
