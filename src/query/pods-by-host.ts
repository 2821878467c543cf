// Which pods run on which host, from one cluster's pod list: indexed once per list, so
// `hosts { pods }` over n hosts and m pods costs O(n + m), not O(n × m).
import type { KubeObjects } from '../kube/index.js';
import { listIndex } from '../loaders/index.js';

/** The pods of a list whose spec.nodeName is the given host, in list order. */
export const podsOnHost: (pods: readonly KubeObjects['Pod'][], host: string) => readonly KubeObjects['Pod'][] = listIndex((pod) => pod.spec?.nodeName || undefined);
