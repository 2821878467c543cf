// Every string of a mutation's arguments, whatever its field, checked against the text
// rules before anything else (text.ts); JSON values (pod templates) against the JSON bounds
// (json.ts) instead. Lists are bounded too. Iterative: no input can exhaust the stack here.
import { checkJson, type JsonLimits } from './json.js';
import { refuse } from './problem.js';
import { checkText } from './text.js';

/** Longest list accepted in a mutation input (workloads, hosts, clusters, host names...). */
export const MAX_LIST_LENGTH = 1_000;

export interface InputTextOptions {
  /** paths (as `input.podTemplate`) holding JSON values, checked by checkJson */
  json?: readonly string[];
  jsonLimits?: JsonLimits;
}

/**
 * @param args the mutation's arguments by name, as GraphQL hands them over
 * @throws BadUserInputError naming the path of the first string, list or JSON value refused
 */
export function checkInputText(args: Readonly<Record<string, unknown>>, { json = [], jsonLimits }: InputTextOptions = {}): void {
  // Breadth first, in the order given: the shallowest problem is the one reported.
  const queue = Object.entries(args).map(([path, value]) => ({ path, value }));
  for (let next = 0; next < queue.length; next++) {
    const { path, value } = queue[next]!;
    if (json.includes(path)) {
      if (value !== null && value !== undefined) checkJson(value, path, jsonLimits);
    } else if (typeof value === 'string') {
      checkText(value, path);
    } else if (Array.isArray(value)) {
      if (value.length > MAX_LIST_LENGTH) refuse(path, `lists ${value.length} entries, more than the ${MAX_LIST_LENGTH} accepted`);
      value.forEach((item, i) => queue.push({ path: `${path}[${i}]`, value: item }));
    } else if (typeof value === 'object' && value !== null) {
      Object.entries(value).forEach(([key, item]) => queue.push({ path: `${path}.${key}`, value: item }));
    }
  }
}
