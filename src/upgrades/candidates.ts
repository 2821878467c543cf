// upgradeCandidates across the fleet: one plan per cluster asked. A cluster that cannot be
// read is a plan with `failed: true` and a message; the other clusters' plans are whole.
import { BadUserInputError } from '../errors/index.js';
import { resolveClusters } from '../fleet/cluster-names.js';
import { fanOut } from '../fleet/fan-out.js';
import type { RegisteredCluster } from '../fleet/index.js';
import { DEFAULT_FILTER, type ImageField, ImageParseError, parseImage } from '../images/index.js';
import type { WorkloadRecord } from '../model/records.js';
import { type WorkloadPlan, planWorkloadUpgrades } from './workload-plan.js';

/** The arguments of `upgradeCandidates`; GraphQL hands absent lists over as null. */
export interface UpgradeCandidatesArgs {
  /** the posted image */
  image: string;
  /** ImageRef fields a container must share with the image to be a candidate; default DEFAULT_FILTER */
  filter?: readonly ImageField[] | null;
  /** default every registered cluster */
  clusters?: readonly string[] | null;
  /** default every namespace */
  namespaces?: readonly string[] | null;
}

/** The contract's ClusterUpgradePlan. A failed plan's lists are empty. */
export type ClusterUpgradePlanRecord = WorkloadPlan & { cluster: RegisteredCluster } & (
    | { failed: false; message: null }
    | { failed: true; message: string }
  );

export interface UpgradeCandidatesOptions {
  clusters: readonly RegisteredCluster[];
  /** a cluster's Deployments, StatefulSets and DaemonSets; rejects with KubeCallError when it cannot be read */
  readWorkloads(cluster: string): Promise<readonly WorkloadRecord[]>;
}

const NO_LISTS: WorkloadPlan = { upgrade: [], obsolete: [], equal: [], error: [] };

/**
 * The plans of the clusters asked, in name order. Arguments are checked before any cluster
 * is read, so a bad one costs nothing.
 * @throws BadUserInputError when the image does not parse or a cluster name is unknown.
 */
export async function upgradeCandidates(
  { clusters: registered, readWorkloads }: UpgradeCandidatesOptions,
  { image, filter, clusters, namespaces }: UpgradeCandidatesArgs,
): Promise<ClusterUpgradePlanRecord[]> {
  checkImage(image);
  const asked = resolveClusters({ known: registered, names: clusters, field: 'clusters' });
  const fields = filter ?? DEFAULT_FILTER;
  const inScope = (w: WorkloadRecord) => !namespaces || namespaces.includes(w.namespace);
  const results = await fanOut(asked, (cluster) => readWorkloads(cluster.name));
  return results.map((result, i): ClusterUpgradePlanRecord => {
    const cluster = asked[i]!;
    if ('error' in result) return { cluster, ...NO_LISTS, failed: true, message: result.error.message };
    return { cluster, ...planWorkloadUpgrades(result.items.filter(inScope), image, fields), failed: false, message: null };
  });
}

function checkImage(image: string): void {
  try {
    parseImage(image);
  } catch (err) {
    if (err instanceof ImageParseError) throw new BadUserInputError(`image: ${err.message}`);
    throw err;
  }
}
