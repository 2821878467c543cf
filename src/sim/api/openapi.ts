// Just enough OpenAPI v3 for kubectl: it reads these documents to learn that the server
// validates fields itself (`fieldValidation` on PATCH), and then skips client-side schema
// validation for `create -f` and `apply -f`. No schemas are served.
import { type ResourceType, apiVersionOf, groupVersions, resourcesOf } from '../resources.js';

function gvPath(group: string, version: string): string {
  return group ? `apis/${group}/${version}` : `api/${version}`;
}

/** GET /openapi/v3: where each group/version's document is. */
export function openApiRoot(): object {
  const paths = Object.fromEntries(
    groupVersions().map(({ group, version }) => [gvPath(group, version), { serverRelativeURL: `/openapi/v3/${gvPath(group, version)}` }]),
  );
  return { paths };
}

/** GET /openapi/v3/api/v1 and /openapi/v3/apis/{group}/{version}, or undefined for others. */
export function openApiGroupVersion(path: string): object | undefined {
  const gv = groupVersions().find(({ group, version }) => `/openapi/v3/${gvPath(group, version)}` === path);
  if (!gv) return undefined;
  const paths = Object.fromEntries(resourcesOf(gv.group, gv.version).map((rt) => [objectPath(rt), { patch: patchOperation(rt) }]));
  return { openapi: '3.0.0', info: { title: 'Kubernetes', version: 'v1.32.4' }, paths, components: { schemas: {} } };
}

function objectPath(rt: ResourceType): string {
  const base = `/${gvPath(rt.group, rt.version)}`;
  return rt.namespaced ? `${base}/namespaces/{namespace}/${rt.plural}/{name}` : `${base}/${rt.plural}/{name}`;
}

function patchOperation(rt: ResourceType): object {
  return {
    operationId: `patch${rt.kind}`,
    'x-kubernetes-action': 'patch',
    'x-kubernetes-group-version-kind': { group: rt.group, version: rt.version, kind: rt.kind },
    parameters: [{ name: 'fieldValidation', in: 'query', schema: { type: 'string', uniqueItems: true } }],
    responses: { '200': { description: 'OK' } },
    tags: [apiVersionOf(rt)],
  };
}
