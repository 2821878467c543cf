// The objects an environment is made of (reference 001): its namespace, labelled and annotated
// exactly as the read side (src/model/namespace.ts) and the simulator's seed expect, and its
// routing secret. Pure, except for the random bytes, which are injected.
import { randomBytes } from 'node:crypto';
import type { KubeObjects } from '../kube/index.js';
import { ENV_LABEL, ENVIRONMENT_LABEL, ENVIRONMENT_NAME_ANNOTATION, HOST_NAMES_ANNOTATION, ORG_LABEL } from '../model/environment-labels.js';
import type { EnvironmentTarget } from '../validation/environment-names.js';

/** The Secret every environment namespace holds, for the router. */
export const ROUTING_SECRET = 'routing';
export const ROUTING_KEYS = ['public-api-key', 'private-api-key'] as const;

/** 256 random bits */
const KEY_BYTES = 32;

export type RandomBytes = (size: number) => Buffer;

export function environmentNamespaceManifest(target: EnvironmentTarget, hostNames: readonly string[]): KubeObjects['Namespace'] {
  return {
    metadata: {
      name: target.namespace,
      labels: { [ENVIRONMENT_LABEL]: 'true', [ORG_LABEL]: target.org, [ENV_LABEL]: target.env },
      annotations: { [ENVIRONMENT_NAME_ANNOTATION]: target.name, [HOST_NAMES_ANNOTATION]: hostNamesAnnotation(hostNames) },
    },
  };
}

/** The annotation's text: the names separated by single spaces, in the order given. */
export function hostNamesAnnotation(hostNames: readonly string[]): string {
  return hostNames.join(' ');
}

/**
 * Each key is 256 random bits as base64 text (44 characters), and that text is the key:
 * the router reads the secret's value as it is. A Secret's `data` holds base64 of the value,
 * so the text is encoded once more here — the one encoding Kubernetes itself undoes.
 */
export function routingSecretManifest(namespace: string, random: RandomBytes = randomBytes): KubeObjects['Secret'] {
  const data = Object.fromEntries(ROUTING_KEYS.map((key) => [key, Buffer.from(random(KEY_BYTES).toString('base64')).toString('base64')]));
  return { metadata: { name: ROUTING_SECRET, namespace }, type: 'Opaque', data };
}
