// A DaemonSet's pods and nodes: which nodes should run one (NodeShouldRunDaemonPod), the
// tolerations its pods always carry, and the node affinity that pins each pod to its node
// for the scheduler to honour.
import { type KubeObject, clone } from '../objects.js';
import { parseTime } from './conditions.js';
import { matchesNode, nodeTaints, targetNodeName, untoleratedTaint } from './placement.js';
import { isActive } from './pods.js';
import { podFromTemplate } from './podtemplate.js';
import type { Runtime } from './runtime.js';
import type { PodSpec, PodTemplate, Toleration } from './types.js';

export const HASH_LABEL = 'controller-revision-hash';
export const TEMPLATE_GENERATION_LABEL = 'pod-template-generation';

/**
 * AddOrUpdateDaemonPodTolerations: daemon pods survive node problems and cordons — though not
 * the not-ready NoSchedule taint, so no new daemon pod lands on a NotReady node.
 */
export function daemonTolerations(spec: PodSpec): Toleration[] {
  const wanted: Toleration[] = [
    { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute' },
    { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute' },
    { key: 'node.kubernetes.io/disk-pressure', operator: 'Exists', effect: 'NoSchedule' },
    { key: 'node.kubernetes.io/memory-pressure', operator: 'Exists', effect: 'NoSchedule' },
    { key: 'node.kubernetes.io/pid-pressure', operator: 'Exists', effect: 'NoSchedule' },
    { key: 'node.kubernetes.io/unschedulable', operator: 'Exists', effect: 'NoSchedule' },
    ...(spec.hostNetwork ? [{ key: 'node.kubernetes.io/network-unavailable', operator: 'Exists' as const, effect: 'NoSchedule' as const }] : []),
  ];
  const own = (spec.tolerations ?? []).filter((t) => !wanted.some((w) => w.key === t.key && w.effect === t.effect));
  return [...own, ...wanted];
}

function templateSpec(ds: KubeObject): PodSpec {
  const spec: PodSpec = ds.spec?.template?.spec ?? { containers: [] };
  return { ...spec, tolerations: daemonTolerations(spec) };
}

export interface Placement {
  /** a daemon pod should be created here */
  shouldRun: boolean;
  /** a daemon pod already here may stay */
  shouldContinueRunning: boolean;
}

/** NodeShouldRunDaemonPod: node name, selector and affinity must fit; NoExecute taints alone evict. */
export function placementOn(ds: KubeObject, node: KubeObject): Placement {
  const spec = templateSpec(ds);
  if ((spec.nodeName && spec.nodeName !== node.metadata.name) || !matchesNode(spec, node)) return { shouldRun: false, shouldContinueRunning: false };
  const taints = nodeTaints(node);
  if (untoleratedTaint(taints, spec.tolerations, ['NoSchedule', 'NoExecute'])) {
    return { shouldRun: false, shouldContinueRunning: !untoleratedTaint(taints, spec.tolerations, ['NoExecute']) };
  }
  return { shouldRun: true, shouldContinueRunning: true };
}

/** the daemon pod for `node`: the template, the tolerations, and node affinity naming the node */
export function daemonPod(ds: KubeObject, node: string, hash: string): KubeObject {
  const template: PodTemplate = clone(ds.spec?.template ?? { spec: { containers: [] } });
  template.spec.tolerations = daemonTolerations(template.spec);
  const affinity = template.spec.affinity ?? {};
  const nodeAffinity = { ...affinity.nodeAffinity, requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In' as const, values: [node] }] }] } };
  template.spec.affinity = { ...affinity, nodeAffinity };
  const generation = String(ds.metadata.annotations?.['deprecated.daemonset.template.generation'] ?? ds.metadata.generation ?? 1);
  return podFromTemplate(template, ds, { labels: { [HASH_LABEL]: hash, [TEMPLATE_GENERATION_LABEL]: generation } });
}

/** the DaemonSet's active pods by the node they run on (or are pinned to, before binding) */
export function podsByNode(rt: Runtime, ds: KubeObject): Map<string, KubeObject[]> {
  const out = new Map<string, KubeObject[]>();
  for (const pod of rt.ownedPods(ds.metadata.uid)) {
    const node = targetNodeName(pod.spec ?? { containers: [] });
    if (!node || !isActive(pod)) continue;
    out.set(node, [...(out.get(node) ?? []), pod]);
  }
  return out;
}

export function isUpdated(pod: KubeObject, hash: string): boolean {
  return pod.metadata.labels?.[HASH_LABEL] === hash;
}

/** podByCreationTimestampAndPhase: bound before unbound, then oldest first */
export function oldestFirst(a: KubeObject, b: KubeObject): number {
  const bound = Number(Boolean(b.spec?.nodeName)) - Number(Boolean(a.spec?.nodeName));
  if (bound) return bound;
  const age = (parseTime(a.metadata.creationTimestamp) ?? 0) - (parseTime(b.metadata.creationTimestamp) ?? 0);
  return age || (a.metadata.name < b.metadata.name ? -1 : 1);
}
