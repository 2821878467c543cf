// The sinks file names kinds as the gateway's API does (hosts, not nodes); the engine streams
// Kubernetes kinds. One table joins the two.
import type { SinkEventName, SinkKind } from '../config/index.js';
import type { ChangeType, WatchedKind } from '../events/types.js';

export const WATCHED_KIND_OF: Readonly<Record<SinkKind, WatchedKind>> = {
  deployments: 'Deployment',
  statefulsets: 'StatefulSet',
  daemonsets: 'DaemonSet',
  pods: 'Pod',
  hosts: 'Node',
  namespaces: 'Namespace',
};

export const CHANGE_TYPE_OF: Readonly<Record<SinkEventName, ChangeType>> = {
  add: 'ADDED',
  update: 'MODIFIED',
  delete: 'DELETED',
};
