// Which pods run on which host, from one cluster's pod list: indexed once per list, so
// `hosts { pods }` over n hosts and m pods costs O(n + m), not O(n × m).
import type { KubeObjects } from '../kube/index.js';

type KubePod = KubeObjects['Pod'];

const NONE: readonly KubePod[] = [];

// Keyed by the list array itself. The request's FleetReader hands the same array to every
// field that asks for a cluster's pods; the read cache hands the same one to every request
// until the pods change, then a new one. So an index lives exactly as long as its list: it
// cannot go stale, and a warm cache does not build it again.
const indexes = new WeakMap<readonly KubePod[], ReadonlyMap<string, readonly KubePod[]>>();

/** The pods of a list whose spec.nodeName is the given host, in list order. */
export function podsOnHost(pods: readonly KubePod[], host: string): readonly KubePod[] {
  let index = indexes.get(pods);
  if (!index) {
    index = indexByHost(pods);
    indexes.set(pods, index);
  }
  return index.get(host) ?? NONE;
}

function indexByHost(pods: readonly KubePod[]): ReadonlyMap<string, readonly KubePod[]> {
  const index = new Map<string, KubePod[]>();
  for (const pod of pods) {
    const host = pod.spec?.nodeName;
    if (!host) continue;
    const onHost = index.get(host);
    if (onHost) onHost.push(pod);
    else index.set(host, [pod]);
  }
  return index;
}
