// Parses a Kubernetes REST path into what it names. Paths look like
//   /api/v1/namespaces/{ns}/pods/{name}/eviction
//   /apis/apps/v1/deployments            (every namespace)
//   /api/v1/nodes/{name}/status
import { type ResourceType, resourcesOf } from '../resources.js';

export type Route =
  | { type: 'version' }
  | { type: 'healthz' }
  | { type: 'legacyVersions' }
  | { type: 'groups' }
  | { type: 'openapi'; path: string }
  | { type: 'resources'; group: string; version: string }
  | { type: 'object'; rt: ResourceType; namespace?: string; name?: string; subresource?: string };

export function parseRoute(pathname: string): Route | undefined {
  const parts = pathname.split('/').filter(Boolean).map(decodeURIComponent);
  if (parts.length === 1 && parts[0] === 'version') return { type: 'version' };
  if (parts.length >= 1 && ['healthz', 'readyz', 'livez'].includes(parts[0]!)) return { type: 'healthz' };
  if (parts[0] === 'openapi' && parts[1] === 'v3') return { type: 'openapi', path: `/${parts.join('/')}` };
  if (parts[0] === 'api') {
    if (parts.length === 1) return { type: 'legacyVersions' };
    return groupVersionRoute('', parts[1]!, parts.slice(2));
  }
  if (parts[0] === 'apis') {
    if (parts.length === 1) return { type: 'groups' };
    if (parts.length === 2) return undefined;
    return groupVersionRoute(parts[1]!, parts[2]!, parts.slice(3));
  }
  return undefined;
}

function groupVersionRoute(group: string, version: string, rest: string[]): Route | undefined {
  const served = resourcesOf(group, version);
  if (served.length === 0) return undefined;
  if (rest.length === 0) return { type: 'resources', group, version };
  const find = (plural: string) => served.find((r) => r.plural === plural);
  // /namespaces/{ns}/{plural}/... is a namespaced resource; /namespaces/{name}[/status] is a Namespace.
  if (rest[0] === 'namespaces' && rest.length >= 3 && find(rest[2]!)?.namespaced) {
    const [, namespace, plural, name, subresource, ...extra] = rest;
    if (extra.length) return undefined;
    return { type: 'object', rt: find(plural!)!, namespace, name, subresource };
  }
  const [plural, name, subresource, ...extra] = rest;
  const rt = find(plural!);
  if (!rt || extra.length) return undefined;
  return { type: 'object', rt, name, subresource };
}
