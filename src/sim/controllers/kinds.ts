// The resource types the controllers read and write, looked up once.
import { resourceByKind } from '../resources.js';

export const POD = resourceByKind('Pod');
export const NODE = resourceByKind('Node');
export const REPLICA_SET = resourceByKind('ReplicaSet');
export const DEPLOYMENT = resourceByKind('Deployment');
export const STATEFUL_SET = resourceByKind('StatefulSet');
export const DAEMON_SET = resourceByKind('DaemonSet');
export const CONTROLLER_REVISION = resourceByKind('ControllerRevision');
export const EVENT = resourceByKind('Event');
