// Server-side printing: kubectl asks for `as=Table` and prints the columns we send.
// Until kind-specific columns exist, every kind prints NAME and AGE like kubectl's default.
import type { KubeObject } from '../objects.js';
import type { ResourceType } from '../resources.js';

export function wantsTable(accept: string): boolean {
  return accept.includes('as=Table');
}

export function renderList(_rt: ResourceType, list: { items: object[]; metadata: object }, query: URLSearchParams): object {
  return {
    kind: 'Table',
    apiVersion: 'meta.k8s.io/v1',
    metadata: list.metadata,
    columnDefinitions: [
      { name: 'Name', type: 'string', format: 'name', description: 'Name must be unique within a namespace.', priority: 0 },
      { name: 'Age', type: 'string', format: '', description: 'CreationTimestamp', priority: 0 },
    ],
    rows: list.items.map((o) => row(o as KubeObject, query)),
  };
}

export function renderObject(rt: ResourceType, obj: KubeObject, query: URLSearchParams): object {
  return renderList(rt, { items: [obj], metadata: { resourceVersion: obj.metadata.resourceVersion } }, query);
}

function row(obj: KubeObject, query: URLSearchParams): object {
  return { cells: [obj.metadata.name, age(obj.metadata.creationTimestamp)], object: includeObject(obj, query) };
}

function includeObject(obj: KubeObject, query: URLSearchParams): object {
  if (query.get('includeObject') === 'Object') return obj;
  return { kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata: obj.metadata };
}

function age(created: string | undefined): string {
  if (!created) return '<unknown>';
  const s = Math.max(0, Math.floor((Date.now() - Date.parse(created)) / 1000));
  if (s < 120) return `${s}s`;
  if (s < 7200) return `${Math.floor(s / 60)}m`;
  if (s < 172800) return `${Math.floor(s / 3600)}h`;
  return `${Math.floor(s / 86400)}d`;
}
