// Turns ?labelSelector= and ?fieldSelector= into one predicate over stored objects.
import { SelectorError, parseFieldSelector, parseLabelSelector } from '../../selectors/index.js';
import { SimError } from '../errors.js';
import { type KubeObject, fieldValue } from '../objects.js';
import type { ResourceType } from '../resources.js';

export type Predicate = (obj: KubeObject) => boolean;

export function selectionOf(rt: ResourceType, query: URLSearchParams): Predicate {
  try {
    const labels = parseLabelSelector(query.get('labelSelector') ?? '');
    const fields = parseFieldSelector(query.get('fieldSelector') ?? '', ['metadata.name', 'metadata.namespace', ...rt.fields]);
    if (labels.isEmpty() && fields.isEmpty()) return () => true;
    return (obj) => labels.matches(obj.metadata.labels) && fields.matches((f) => fieldValue(obj, f));
  } catch (err) {
    if (err instanceof SelectorError) throw new SimError('BadRequest', err.message);
    throw err;
  }
}
