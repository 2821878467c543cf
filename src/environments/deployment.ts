// The Deployment deployWorkload creates (reference 001): one checked pod template, its pods
// selected by `app: <name>`, the router's public and private hosts kept as annotations on
// the pod template so every pod carries them. Pure.
import { BadUserInputError } from '../errors/index.js';
import type { KubeObjects } from '../kube/index.js';
import type { PodTemplateSpec } from './pod-template.js';

export const PUBLIC_HOSTS_ANNOTATION = 'fleetgraph.io/public-hosts';
export const PRIVATE_HOSTS_ANNOTATION = 'fleetgraph.io/private-hosts';
/** The label that selects a deployed workload's pods; its value is the workload's name. */
export const APP_LABEL = 'app';

export interface DeploymentSpec {
  name: string;
  namespace: string;
  replicas: number;
  template: PodTemplateSpec;
  /** validated and de-duplicated; an empty list sets no annotation */
  publicHosts: readonly string[];
  privateHosts: readonly string[];
}

/**
 * The Deployment. Pods carry the template's own labels plus `app: <name>`, and the selector is
 * `app: <name>` alone, so it always matches them (and later label changes never orphan pods).
 * @throws BadUserInputError when the template's labels give `app` another value.
 */
export function deploymentManifest({ name, namespace, replicas, template, publicHosts, privateHosts }: DeploymentSpec): KubeObjects['Deployment'] {
  const own = template.metadata?.labels ?? {};
  if (own[APP_LABEL] !== undefined && own[APP_LABEL] !== name) {
    throw new BadUserInputError(`podTemplate.metadata.labels.${APP_LABEL}: is "${own[APP_LABEL]}", but the workload's pods are selected by ${APP_LABEL}=${name}; leave it out or make it "${name}"`);
  }
  const labels = { ...own, [APP_LABEL]: name };
  const annotations = {
    ...template.metadata?.annotations,
    ...(publicHosts.length > 0 ? { [PUBLIC_HOSTS_ANNOTATION]: publicHosts.join(' ') } : {}),
    ...(privateHosts.length > 0 ? { [PRIVATE_HOSTS_ANNOTATION]: privateHosts.join(' ') } : {}),
  };
  return {
    metadata: { name, namespace, labels },
    spec: {
      replicas,
      selector: { matchLabels: { [APP_LABEL]: name } },
      template: { metadata: { labels, annotations }, spec: template.spec },
    },
  };
}
