// The Kubernetes permissions the gateway's calls need, derived from the tables its client is
// built from (kinds.ts, writers.ts), so deploy/kubernetes' ClusterRole can be checked against it.
import { KUBE_KINDS, type KubeKind } from './kinds.js';
import { writers, type Writer } from './writers.js';

export interface RbacRule {
  apiGroup: string;
  resource: string;
  verbs: readonly string[];
}

const GROUP: Record<KubeKind, string> = {
  Node: '',
  Namespace: '',
  Pod: '',
  Secret: '',
  Deployment: 'apps',
  StatefulSet: 'apps',
  DaemonSet: 'apps',
  ReplicaSet: 'apps',
  ControllerRevision: 'apps',
};

const RESOURCE: Record<KubeKind, string> = {
  Node: 'nodes',
  Namespace: 'namespaces',
  Pod: 'pods',
  Secret: 'secrets',
  Deployment: 'deployments',
  StatefulSet: 'statefulsets',
  DaemonSet: 'daemonsets',
  ReplicaSet: 'replicasets',
  ControllerRevision: 'controllerrevisions',
};

// Secrets are only written (an environment's routing secret), never read back: reading every
// Secret of a cluster is the one permission worth not having.
const WRITE_ONLY: ReadonlySet<KubeKind> = new Set(['Secret']);

// A writer's methods, as RBAC names their verbs (replace is a PUT: update).
const VERBS: Record<keyof Writer<unknown>, string> = { create: 'create', patch: 'patch', replace: 'update', delete: 'delete' };

/**
 * Per resource, the verbs the gateway may send: get and list for every kind it reads, watch for
 * the kinds it streams (`watched`, src/events' WATCHED_KINDS), each write its writers table
 * defines, and `create` on pods/eviction (draining a host).
 */
export function rbacRules({ watched }: { watched: readonly KubeKind[] }): RbacRule[] {
  const rules = KUBE_KINDS.map((kind) => {
    const reads = WRITE_ONLY.has(kind) ? [] : ['get', 'list', ...(watched.includes(kind) ? ['watch'] : [])];
    const writes = (Object.keys(writers[kind]) as (keyof Writer<unknown>)[]).map((method) => VERBS[method]);
    return { apiGroup: GROUP[kind], resource: RESOURCE[kind], verbs: [...reads, ...writes].sort() };
  });
  return [...rules, { apiGroup: '', resource: 'pods/eviction', verbs: ['create'] }].sort((a, b) => `${a.apiGroup}/${a.resource}`.localeCompare(`${b.apiGroup}/${b.resource}`));
}
