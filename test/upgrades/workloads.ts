import type { WorkloadKind, WorkloadRecord } from '../../src/model/records.js';
import { containers, workloadRecord } from '../support/workload-record.js';

/** A workload with one container per image (named c0, c1...); only what planning reads is real. */
export function workload(name: string, images: string[], { namespace = 'ns', kind = 'DEPLOYMENT' as WorkloadKind, cluster = 'c1' } = {}): WorkloadRecord {
  return workloadRecord({ cluster, namespace, name }, { workloadKind: kind, id: `${cluster}/${namespace}/${kind}/${name}`, uid: name, containers: containers(images) });
}
