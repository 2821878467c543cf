// How each kind is written through client-node's typed APIs. Only the writes the gateway
// makes are here; a kind missing a verb is a write the gateway never does.
import type { ConfigurationOptions } from '@kubernetes/client-node';
import type { Apis, KubeKind, KubeObjects } from './kinds.js';

type Options = ConfigurationOptions;
type Ns = string | undefined;

export interface Writer<T> {
  create?(apis: Apis, ns: Ns, body: T, o: Options): Promise<T>;
  patch?(apis: Apis, ns: Ns, name: string, body: object, o: Options): Promise<T>;
  replace?(apis: Apis, ns: Ns, name: string, body: T, o: Options): Promise<T>;
  delete?(apis: Apis, ns: Ns, name: string, propagationPolicy: string, o: Options): Promise<unknown>;
}

const ns = (namespace: Ns) => namespace ?? '';

export const writers: { [K in KubeKind]: Writer<KubeObjects[K]> } = {
  Node: {
    patch: ({ core }, _ns, name, body, o) => core.patchNode({ name, body }, o),
    replace: ({ core }, _ns, name, body, o) => core.replaceNode({ name, body }, o),
  },
  Namespace: {
    create: ({ core }, _ns, body, o) => core.createNamespace({ body }, o),
    patch: ({ core }, _ns, name, body, o) => core.patchNamespace({ name, body }, o),
    replace: ({ core }, _ns, name, body, o) => core.replaceNamespace({ name, body }, o),
    delete: ({ core }, _ns, name, propagationPolicy, o) => core.deleteNamespace({ name, propagationPolicy }, o),
  },
  Secret: {
    create: ({ core }, n, body, o) => core.createNamespacedSecret({ namespace: ns(n), body }, o),
    delete: ({ core }, n, name, propagationPolicy, o) => core.deleteNamespacedSecret({ namespace: ns(n), name, propagationPolicy }, o),
  },
  Pod: {
    delete: ({ core }, n, name, propagationPolicy, o) => core.deleteNamespacedPod({ namespace: ns(n), name, propagationPolicy }, o),
  },
  Deployment: {
    create: ({ apps }, n, body, o) => apps.createNamespacedDeployment({ namespace: ns(n), body }, o),
    patch: ({ apps }, n, name, body, o) => apps.patchNamespacedDeployment({ namespace: ns(n), name, body }, o),
    replace: ({ apps }, n, name, body, o) => apps.replaceNamespacedDeployment({ namespace: ns(n), name, body }, o),
    delete: ({ apps }, n, name, propagationPolicy, o) => apps.deleteNamespacedDeployment({ namespace: ns(n), name, propagationPolicy }, o),
  },
  StatefulSet: {
    patch: ({ apps }, n, name, body, o) => apps.patchNamespacedStatefulSet({ namespace: ns(n), name, body }, o),
    replace: ({ apps }, n, name, body, o) => apps.replaceNamespacedStatefulSet({ namespace: ns(n), name, body }, o),
    delete: ({ apps }, n, name, propagationPolicy, o) => apps.deleteNamespacedStatefulSet({ namespace: ns(n), name, propagationPolicy }, o),
  },
  DaemonSet: {
    patch: ({ apps }, n, name, body, o) => apps.patchNamespacedDaemonSet({ namespace: ns(n), name, body }, o),
    replace: ({ apps }, n, name, body, o) => apps.replaceNamespacedDaemonSet({ namespace: ns(n), name, body }, o),
    delete: ({ apps }, n, name, propagationPolicy, o) => apps.deleteNamespacedDaemonSet({ namespace: ns(n), name, propagationPolicy }, o),
  },
  ReplicaSet: {},
  ControllerRevision: {},
};
