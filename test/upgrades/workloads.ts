import { parseImage } from '../../src/images/index.js';
import type { WorkloadKind, WorkloadRecord } from '../../src/model/records.js';

/** A workload with one container per image (named c0, c1...); only what planning reads is real. */
export function workload(name: string, images: string[], { namespace = 'ns', kind = 'DEPLOYMENT' as WorkloadKind, cluster = 'c1' } = {}): WorkloadRecord {
  return {
    kind: 'Workload',
    id: `${cluster}/${namespace}/${kind}/${name}`,
    workloadKind: kind,
    cluster,
    namespace,
    name,
    uid: name,
    labels: {},
    annotations: {},
    selector: `app=${name}`,
    containers: images.map((image, i) => ({ name: `c${i}`, image, imageRef: parseImage(image) })),
    replicas: 1,
    readyReplicas: 1,
    updatedReplicas: 1,
    availableReplicas: 1,
    status: 'AVAILABLE',
    paused: false,
    revision: 1,
    createdAt: null,
  };
}
