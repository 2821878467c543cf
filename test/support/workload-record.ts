// Workload records for pure tests of filtering, sorting and planning: a settled, available
// Deployment unless the test says otherwise.
import type { WorkloadRecord } from '../../src/model/records.js';
import { containerRecord, workloadId } from '../../src/model/workload.js';

export interface WorkloadRefParts {
  name: string;
  cluster?: string;
  namespace?: string;
}

export function workloadRecord({ name, cluster = 'c1', namespace = 'ns' }: WorkloadRefParts, more: Partial<WorkloadRecord> = {}): WorkloadRecord {
  const workloadKind = more.workloadKind ?? 'DEPLOYMENT';
  return {
    kind: 'Workload',
    id: workloadId({ cluster, namespace, kind: workloadKind, name }),
    workloadKind,
    cluster,
    namespace,
    name,
    uid: `${cluster}/${namespace}/${name}`,
    labels: {},
    annotations: {},
    selector: `app=${name}`,
    containers: [],
    replicas: 1,
    readyReplicas: 1,
    updatedReplicas: 1,
    availableReplicas: 1,
    status: 'AVAILABLE',
    paused: false,
    revision: 1,
    createdAt: null,
    ...more,
  };
}

/** containers named by the keys (or c0, c1... for a list), with their images parsed */
export function containers(images: Record<string, string> | readonly string[]): WorkloadRecord['containers'] {
  const entries = Array.isArray(images) ? images.map((image, i) => [`c${i}`, image] as const) : Object.entries(images);
  return entries.map(([name, image]) => containerRecord(name, image));
}
