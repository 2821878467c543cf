// The one place a workload's revision is read from its annotations. Kubernetes keeps a
// Deployment's (and each of its ReplicaSets') in an annotation the deployment controller
// writes, and a DaemonSet's template generation in one the API server writes.
type Annotated = { metadata?: { annotations?: Record<string, string> } } | undefined;

/** Set by the deployment controller: the revision of the newest ReplicaSet, 1, 2, ... */
export const DEPLOYMENT_REVISION_ANNOTATION = 'deployment.kubernetes.io/revision';
/** Set by the API server on every DaemonSet and raised with each change of its pod template. */
export const DAEMONSET_TEMPLATE_GENERATION_ANNOTATION = 'deprecated.daemonset.template.generation';

const MAX_INT = 2 ** 31 - 1;

/** A Deployment's or ReplicaSet's revision, or null when absent or not a whole number that fits GraphQL's Int. */
export function deploymentRevision(obj: Annotated): number | null {
  return wholeNumber(obj?.metadata?.annotations?.[DEPLOYMENT_REVISION_ANNOTATION]);
}

/** A DaemonSet's template generation, or null as for deploymentRevision. */
export function daemonSetTemplateGeneration(obj: Annotated): number | null {
  return wholeNumber(obj?.metadata?.annotations?.[DAEMONSET_TEMPLATE_GENERATION_ANNOTATION]);
}

function wholeNumber(text: string | undefined): number | null {
  if (text === undefined || !/^\d{1,10}$/.test(text)) return null;
  const n = Number(text);
  return n <= MAX_INT ? n : null;
}
