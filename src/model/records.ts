// What the gateway knows about each object, shaped for the schema but free of GraphQL:
// built from Kubernetes objects by the mappers beside this file, read by resolvers.
import type { ImageRef } from '../images/index.js';

export type Labels = Readonly<Record<string, string>>;

/** Identifies an object in the fleet; `refKey` turns it into the one string every cache uses. */
export interface ObjectRef {
  readonly cluster: string;
  readonly namespace?: string;
  readonly name: string;
}

export interface ConditionRecord {
  type: string;
  status: string;
  reason: string | null;
  message: string | null;
  lastTransitionAt: Date | null;
}

/** Every host status, in the schema's order (the type is read from this list, so none is missing). */
export const HOST_STATUSES = ['ACTIVE', 'CORDONED', 'RESTARTING', 'NOT_READY', 'UNKNOWN'] as const;
export type HostStatus = (typeof HOST_STATUSES)[number];

export interface HostRecord extends ObjectRef {
  readonly kind: 'Host';
  id: string;
  address: string | null;
  status: HostStatus;
  ready: boolean;
  unschedulable: boolean;
  roles: string[];
  labels: Labels;
  annotations: Labels;
  os: string | null;
  osImage: string | null;
  kernelVersion: string | null;
  kubeletVersion: string | null;
  containerRuntime: string | null;
  cpus: number | null;
  memoryBytes: number | null;
  lastHeartbeatAt: Date | null;
  conditions: ConditionRecord[];
  createdAt: Date | null;
}

export interface PodRecord extends ObjectRef {
  readonly kind: 'Pod';
  id: string;
  namespace: string;
  nodeName: string | null;
  phase: string;
  ready: boolean;
  restarts: number;
  images: string[];
  labels: Labels;
  /** uid of the controlling owner (ReplicaSet, StatefulSet, DaemonSet) */
  ownerUid: string | null;
  createdAt: Date | null;
}

export interface NamespaceRecord extends ObjectRef {
  readonly kind: 'Namespace';
  id: string;
  phase: string;
  labels: Labels;
  annotations: Labels;
  /** `org:env` when the namespace backs an environment */
  environment: string | null;
  createdAt: Date | null;
}

export type WorkloadKind = 'DEPLOYMENT' | 'STATEFULSET' | 'DAEMONSET';
/** Every workload status, in the schema's order (the type is read from this list, so none is missing). */
export const WORKLOAD_STATUSES = ['AVAILABLE', 'PROGRESSING', 'PAUSED', 'DEGRADED', 'FAILED', 'SCALED_DOWN'] as const;
export type WorkloadStatus = (typeof WORKLOAD_STATUSES)[number];

export interface ContainerRecord {
  name: string;
  image: string;
  imageRef: ImageRef;
}

export interface WorkloadRecord extends ObjectRef {
  readonly kind: 'Workload';
  id: string;
  workloadKind: WorkloadKind;
  namespace: string;
  uid: string;
  labels: Labels;
  annotations: Labels;
  /** the pod selector, in label-selector syntax */
  selector: string;
  containers: ContainerRecord[];
  replicas: number;
  readyReplicas: number;
  updatedReplicas: number;
  availableReplicas: number;
  status: WorkloadStatus;
  paused: boolean;
  /**
   * A Deployment's revision annotation. StatefulSets and DaemonSets number their revisions in
   * ControllerRevision objects: Workload.revision reads those (src/query/workload-revision.ts).
   */
  revision: number | null;
  /** A StatefulSet's status.updateRevision: the name of the ControllerRevision its template is at. */
  updateRevision?: string | null;
  createdAt: Date | null;
}

export interface EnvironmentRecord {
  readonly kind: 'Environment';
  id: string;
  /** `org:env` */
  name: string;
  /** `org-env` */
  namespace: string;
  /** clusters holding the namespace, sorted */
  clusters: string[];
  hostNames: string[];
  createdAt: Date | null;
}
