// One pass of the deployment controller over one Deployment: the object as last written
// (each write replaces it, as the Go controller mutates its copy), and the writes it makes.
import type { KubeObject } from '../../objects.js';
import { DEPLOYMENT, REPLICA_SET } from '../kinds.js';
import type { Runtime } from '../runtime.js';
import { REVISION } from './util.js';

export const COMPONENT = 'deployment-controller';

export class DeploymentSync {
  constructor(
    readonly rt: Runtime,
    /** the deployment as last read or written in this pass */
    public d: KubeObject,
    /** looks at this deployment again after `ms` (progress deadline checks) */
    readonly requeueAfter: (ms: number) => void,
  ) {}

  /** the ReplicaSets this deployment controls, as stored now */
  replicaSets(): KubeObject[] {
    return this.rt.ownedReplicaSets(this.d.metadata.uid);
  }

  /** the stored version of each ReplicaSet still there (after scaling them) */
  fresh(rss: readonly (KubeObject | undefined)[]): KubeObject[] {
    const out: KubeObject[] = [];
    for (const rs of rss) {
      const live = rs && this.rt.store.get(REPLICA_SET, rs.metadata.namespace, rs.metadata.name);
      if (live) out.push(live);
    }
    return out;
  }

  writeStatus(status: Record<string, unknown>): void {
    const { namespace, name } = this.d.metadata;
    const written = this.rt.updateStatus(DEPLOYMENT, namespace, name, () => status);
    if (written) this.d = written;
  }

  /** SetDeploymentRevision: mirrors the new ReplicaSet's revision onto the deployment */
  setRevision(revision: string): void {
    if (this.d.metadata.annotations?.[REVISION] === revision) return;
    const { namespace, name } = this.d.metadata;
    const written = this.rt.mutate(DEPLOYMENT, namespace, name, (draft) => {
      draft.metadata.annotations = { ...draft.metadata.annotations, [REVISION]: revision };
    });
    if (written) this.d = written;
  }

  record(type: 'Normal' | 'Warning', reason: string, message: string): void {
    this.rt.events.record(this.d, { type, reason, message, component: COMPONENT });
  }
}
