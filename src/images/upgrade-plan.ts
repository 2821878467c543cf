import { classify, type Classification, type ImageDiff } from './classify.js';
import { ImageParseError } from './errors.js';
import { DEFAULT_FILTER, matchesFilter, type ImageField } from './fields.js';
import { parseImage, type ImageRef } from './image-ref.js';

/** One container of one workload, with its image as the manifest writes it. */
export interface ContainerImage {
  workloadKey: string;
  container: string;
  image: string;
}

/** A container set against the posted image: the contract's ImageComparison, keyed by workload. */
export interface ContainerComparison extends ContainerImage {
  diff: ImageDiff;
  /** the posted image as given */
  comparedTo: string;
  /** why the diff is ERROR; null otherwise */
  reason: string | null;
}

export interface UpgradePlan {
  upgrade: ContainerComparison[];
  obsolete: ContainerComparison[];
  equal: ContainerComparison[];
  error: ContainerComparison[];
}

const LIST = {
  UPGRADE: 'upgrade',
  OBSOLETE: 'obsolete',
  EQUAL: 'equal',
  ERROR: 'error',
} as const satisfies Record<ImageDiff, keyof UpgradePlan>;

/**
 * Sorts the containers that match `filter` (default DEFAULT_FILTER) by what rolling
 * `posted` out would do to each, keeping their order within each list. Containers that do
 * not match are left out. A container whose image does not parse cannot be matched; it is
 * listed as ERROR, with the parse message as reason, when its apparent name is the posted
 * image's, since it is then most likely a broken reference to that image; otherwise left out.
 * @throws ImageParseError when `posted` does not parse: that is the caller's input at fault.
 */
export function planUpgrades(
  containers: readonly ContainerImage[],
  posted: string,
  filter: readonly ImageField[] = DEFAULT_FILTER,
): UpgradePlan {
  const target = parseImage(posted);
  const plan: UpgradePlan = { upgrade: [], obsolete: [], equal: [], error: [] };
  for (const { workloadKey, container, image } of containers) {
    const found = compare(image, target, filter);
    if (found === undefined) continue;
    const { diff, reason } = found;
    plan[LIST[diff]].push({ workloadKey, container, image, diff, comparedTo: posted, reason });
  }
  return plan;
}

/** The container's classification, or undefined when it is not a candidate. */
function compare(image: string, target: ImageRef, filter: readonly ImageField[]): Classification | undefined {
  let current: ImageRef;
  try {
    current = parseImage(image);
  } catch (err) {
    if (!(err instanceof ImageParseError)) throw err;
    return apparentName(image) === target.imageName ? { diff: 'ERROR', reason: err.message } : undefined;
  }
  return matchesFilter(current, target, filter) ? classify(current, target) : undefined;
}

/**
 * The name an unparsable reference seems to carry: its last path segment without tag or
 * digest, lowercased so that `acme/API:1` still shows up beside `acme/api:2`.
 */
function apparentName(image: string): string {
  const named = image.split('@', 1)[0]!;
  const last = named.slice(named.lastIndexOf('/') + 1);
  return last.split(':', 1)[0]!.toLowerCase();
}
