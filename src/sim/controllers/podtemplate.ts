// A new pod from a workload's pod template, as the controllers' PodControl builds one:
// the template's labels and annotations, the owner as controller, the API server's defaults.
import { type KubeObject, clone, controllerRef } from '../objects.js';
import { applyDefaults } from './defaults.js';
import type { PodTemplate } from './types.js';

export interface NewPod {
  /** a fixed name (StatefulSets); otherwise `<owner>-<5 random characters>` */
  name?: string;
  /** labels added to the template's */
  labels?: Record<string, string>;
}

export function podFromTemplate(template: PodTemplate, owner: KubeObject, opts: NewPod = {}): KubeObject {
  const meta = template.metadata ?? {};
  const pod: KubeObject = {
    metadata: {
      name: opts.name ?? '',
      ...(opts.name ? {} : { generateName: `${owner.metadata.name}-` }),
      namespace: owner.metadata.namespace,
      labels: { ...meta.labels, ...opts.labels },
      ...(meta.annotations ? { annotations: { ...meta.annotations } } : {}),
      ownerReferences: [controllerRef(owner)],
    },
    spec: clone(template.spec ?? { containers: [] }),
  };
  return applyDefaults('Pod', pod);
}
