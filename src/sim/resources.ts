// The resource types the simulator serves, with what discovery says of them.
// One table drives discovery, routing, short names and field-selector support.

export interface ResourceType {
  /** '' for the core group */
  readonly group: string;
  readonly version: string;
  readonly kind: string;
  readonly plural: string;
  readonly singular: string;
  readonly shortNames: readonly string[];
  readonly namespaced: boolean;
  readonly verbs: readonly string[];
  /** subresources discovery lists, e.g. `status`, `scale`, `eviction` */
  readonly subresources: readonly string[];
  /** field selectors the list verb accepts beyond metadata.name / metadata.namespace */
  readonly fields: readonly string[];
  /** objects whose spec changes bump metadata.generation */
  readonly generational: boolean;
  /** discovery categories, e.g. `all` for what `kubectl get all` lists */
  readonly categories: readonly string[];
}

const allVerbs = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'];

function resource(r: Omit<ResourceType, 'verbs' | 'fields' | 'subresources' | 'generational' | 'categories'> & Partial<ResourceType>): ResourceType {
  return { verbs: allVerbs, fields: [], subresources: [], generational: false, categories: [], ...r };
}

const rbac = 'rbac.authorization.k8s.io';

export const RESOURCES: readonly ResourceType[] = [
  resource({ group: '', version: 'v1', kind: 'Namespace', plural: 'namespaces', singular: 'namespace', shortNames: ['ns'], namespaced: false, subresources: ['status'], fields: ['status.phase'] }),
  resource({ group: '', version: 'v1', kind: 'Node', plural: 'nodes', singular: 'node', shortNames: ['no'], namespaced: false, subresources: ['status'], fields: ['spec.unschedulable'] }),
  resource({ group: '', version: 'v1', kind: 'Pod', plural: 'pods', singular: 'pod', shortNames: ['po'], namespaced: true, subresources: ['status', 'eviction'], fields: ['spec.nodeName', 'status.phase', 'spec.restartPolicy', 'spec.schedulerName', 'spec.serviceAccountName', 'status.podIP'], categories: ['all'] }),
  resource({ group: '', version: 'v1', kind: 'Secret', plural: 'secrets', singular: 'secret', shortNames: [], namespaced: true, fields: ['type'] }),
  resource({ group: '', version: 'v1', kind: 'ConfigMap', plural: 'configmaps', singular: 'configmap', shortNames: ['cm'], namespaced: true }),
  resource({ group: '', version: 'v1', kind: 'Service', plural: 'services', singular: 'service', shortNames: ['svc'], namespaced: true, subresources: ['status'], categories: ['all'] }),
  resource({ group: '', version: 'v1', kind: 'ServiceAccount', plural: 'serviceaccounts', singular: 'serviceaccount', shortNames: ['sa'], namespaced: true }),
  resource({ group: '', version: 'v1', kind: 'Event', plural: 'events', singular: 'event', shortNames: ['ev'], namespaced: true, fields: ['involvedObject.kind', 'involvedObject.name', 'involvedObject.namespace', 'involvedObject.uid', 'reason', 'type'] }),
  resource({ group: 'apps', version: 'v1', kind: 'Deployment', plural: 'deployments', singular: 'deployment', shortNames: ['deploy'], namespaced: true, subresources: ['status', 'scale'], generational: true, categories: ['all'] }),
  resource({ group: 'apps', version: 'v1', kind: 'ReplicaSet', plural: 'replicasets', singular: 'replicaset', shortNames: ['rs'], namespaced: true, subresources: ['status', 'scale'], generational: true, categories: ['all'] }),
  resource({ group: 'apps', version: 'v1', kind: 'StatefulSet', plural: 'statefulsets', singular: 'statefulset', shortNames: ['sts'], namespaced: true, subresources: ['status', 'scale'], generational: true, categories: ['all'] }),
  resource({ group: 'apps', version: 'v1', kind: 'DaemonSet', plural: 'daemonsets', singular: 'daemonset', shortNames: ['ds'], namespaced: true, subresources: ['status'], generational: true, categories: ['all'] }),
  resource({ group: 'apps', version: 'v1', kind: 'ControllerRevision', plural: 'controllerrevisions', singular: 'controllerrevision', shortNames: [], namespaced: true, generational: false }),
  resource({ group: rbac, version: 'v1', kind: 'ClusterRole', plural: 'clusterroles', singular: 'clusterrole', shortNames: [], namespaced: false }),
  resource({ group: rbac, version: 'v1', kind: 'ClusterRoleBinding', plural: 'clusterrolebindings', singular: 'clusterrolebinding', shortNames: [], namespaced: false }),
];

const byPlural = new Map(RESOURCES.map((r) => [r.plural, r]));
const byKind = new Map(RESOURCES.map((r) => [r.kind, r]));

export function resourceByPlural(plural: string): ResourceType | undefined {
  return byPlural.get(plural);
}

export function resourceByKind(kind: string): ResourceType {
  const rt = byKind.get(kind);
  if (!rt) throw new Error(`sim: no resource of kind ${kind}`);
  return rt;
}

/** `v1` for core, `apps/v1` otherwise: the apiVersion objects carry. */
export function apiVersionOf(rt: ResourceType): string {
  return rt.group ? `${rt.group}/${rt.version}` : rt.version;
}

export function resourcesOf(group: string, version: string): ResourceType[] {
  return RESOURCES.filter((r) => r.group === group && r.version === version);
}

/** Group/versions served, in discovery order (core first). */
export function groupVersions(): { group: string; version: string }[] {
  const seen = new Map<string, { group: string; version: string }>();
  for (const r of RESOURCES) seen.set(`${r.group}/${r.version}`, { group: r.group, version: r.version });
  return [...seen.values()];
}
