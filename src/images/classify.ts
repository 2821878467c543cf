import type { ImageRef } from './image-ref.js';
import { compareNumeric } from './numeric.js';
import { compareSemver, semverOf } from './semver.js';

/** The contract's ImageDiff: what rolling the posted image out would do to a container. */
export const IMAGE_DIFFS = ['UPGRADE', 'OBSOLETE', 'EQUAL', 'ERROR'] as const;
export type ImageDiff = (typeof IMAGE_DIFFS)[number];

export interface Classification {
  diff: ImageDiff;
  /** why the diff is ERROR; null otherwise */
  reason: string | null;
}

const DIGITS = /^\d+$/;
/** The version of a tag that floats: what it holds today cannot be known from the tag. */
const LATEST = 'latest';

/**
 * Compares a container's image with a posted one; the first rule that applies decides:
 * 1. different image names: ERROR, `mismatched image names`;
 * 2. the same commit, or the same digest: EQUAL, whatever the tags say;
 * 3. `latest` on either side: UPGRADE, since what `latest` holds cannot be known;
 * 4. versions by semver precedence, then build numbers: posted newer is UPGRADE, the same
 *    EQUAL, older OBSOLETE. A version that cannot be ordered is ERROR, `invalid version - <v>`,
 *    naming the container's first when both are at fault; a build that is not a number,
 *    when builds must decide, is ERROR, `invalid build - <b>`.
 */
export function classify(current: ImageRef, posted: ImageRef): Classification {
  if (current.imageName !== posted.imageName) return error('mismatched image names');
  if (same(current.commit, posted.commit) || same(current.digest, posted.digest)) return verdict(0);
  if (current.version === LATEST || posted.version === LATEST) return verdict(1);
  return compareVersions(current, posted);
}

function compareVersions(current: ImageRef, posted: ImageRef): Classification {
  const from = semverOf(current);
  if (from === undefined) return error(`invalid version - ${versionText(current)}`);
  const to = semverOf(posted);
  if (to === undefined) return error(`invalid version - ${versionText(posted)}`);
  const order = compareSemver(to, from);
  return order !== 0 ? verdict(order) : compareBuilds(current.build, posted.build);
}

/**
 * Rebuilds of one version are told apart by build number. A tag without one counts as
 * older than any that has one: `1.0.0_7` is a later build of `1.0.0`, never an earlier one.
 */
function compareBuilds(current: string | null, posted: string | null): Classification {
  for (const build of [current, posted]) {
    if (build !== null && !DIGITS.test(build)) return error(`invalid build - ${build}`);
  }
  if (current === posted) return verdict(0);
  if (current === null) return verdict(1);
  if (posted === null) return verdict(-1);
  return verdict(compareNumeric(posted, current));
}

/** A version for a message; a tag with an empty version part (`_42`) is named whole. */
function versionText(ref: ImageRef): string {
  return ref.fullVersion ?? `none in tag ${ref.tag}`;
}

function same(a: string | null, b: string | null): boolean {
  return a !== null && a === b;
}

/** The diff for how the posted image orders against the container's: later is UPGRADE. */
function verdict(order: number): Classification {
  return { diff: order > 0 ? 'UPGRADE' : order < 0 ? 'OBSOLETE' : 'EQUAL', reason: null };
}

function error(reason: string): Classification {
  return { diff: 'ERROR', reason };
}
