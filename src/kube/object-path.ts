// The second guard behind src/validation: an object's name and namespace each become one
// segment of its URL, and one that is not a segment makes client-node build another URL —
// an empty name turns `DELETE .../deployments/web` into `DELETE .../deployments`, a delete of
// the whole collection. apimachinery's rule (IsValidPathSegmentName), plus: not empty, and no
// lone surrogate (encodeURIComponent would throw, and the call would read as the cluster's fault).
import { type KubeKind, namespaced } from './kinds.js';

/** A write asked with a name or namespace no object can have: a caller's bug, never sent. */
export class InvalidObjectPathError extends Error {
  override readonly name = 'InvalidObjectPathError';
}

/** What is wrong with the text as one path segment, or undefined when nothing is. */
export function pathSegmentProblem(text: string): string | undefined {
  if (text === '') return 'is empty';
  if (text === '.' || text === '..') return `may not be '${text}'`;
  if (/[/%]/.test(text)) return "may not contain '/' or '%'";
  if (/\p{Cs}/u.test(text)) return 'holds a lone UTF-16 surrogate';
  return undefined;
}

/**
 * What is wrong with the object's URL: the name, and for a namespaced kind the namespace
 * (required: an absent one would leave the segment empty). Undefined when nothing is.
 */
export function objectPathProblem(kind: KubeKind, name: string | undefined, namespace: string | undefined): string | undefined {
  const nameProblem = name === undefined ? undefined : pathSegmentProblem(name);
  if (nameProblem) return `${kind} name ${JSON.stringify(name)} ${nameProblem}`;
  if (!namespaced[kind]) return undefined;
  const namespaceProblem = pathSegmentProblem(namespace ?? '');
  return namespaceProblem ? `${kind} namespace ${JSON.stringify(namespace ?? '')} ${namespaceProblem}` : undefined;
}

/** @throws InvalidObjectPathError unless the name (when given) and namespace make one object's URL */
export function assertObjectPath(kind: KubeKind, name: string | undefined, namespace: string | undefined): void {
  const problem = objectPathProblem(kind, name, namespace);
  if (problem) throw new InvalidObjectPathError(`refused to call the API server: ${problem}`);
}
