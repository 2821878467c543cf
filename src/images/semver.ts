import { compareNumeric } from './numeric.js';

/** A version ready to be ordered: MAJOR.MINOR.PATCH and the prerelease identifiers. */
export interface Semver {
  core: readonly [string, string, string];
  prerelease: readonly string[];
}

const CORE = /^\d+(?:\.\d+){0,2}$/;
const DIGITS = /^\d+$/;

/**
 * The orderable form of an ImageRef's version, padded to three parts (`1.13` is
 * `1.13.0`); undefined when the version is not semver-like (`latest`, `nonono`).
 */
export function semverOf(ref: { version: string | null; prerelease: string | null }): Semver | undefined {
  if (ref.version === null || !CORE.test(ref.version)) return undefined;
  const [major = '0', minor = '0', patch = '0'] = ref.version.split('.');
  return { core: [major, minor, patch], prerelease: ref.prerelease === null ? [] : ref.prerelease.split('.') };
}

/**
 * Semver precedence (semver.org §11): the core numerically, then a version with a
 * prerelease before one without, then identifier by identifier. Leading zeros, which
 * semver forbids, are tolerated and ignored: calendar tags such as `2024.01.05` are common.
 */
export function compareSemver(a: Semver, b: Semver): number {
  for (let i = 0; i < 3; i++) {
    const order = compareNumeric(a.core[i]!, b.core[i]!);
    if (order !== 0) return order;
  }
  if (a.prerelease.length === 0 || b.prerelease.length === 0) {
    return Math.sign(b.prerelease.length - a.prerelease.length);
  }
  return comparePrerelease(a.prerelease, b.prerelease);
}

function comparePrerelease(a: readonly string[], b: readonly string[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const order = compareIdentifier(a[i]!, b[i]!);
    if (order !== 0) return order;
  }
  // Every shared identifier equal: the longer list is the later version.
  return Math.sign(a.length - b.length);
}

/** Numeric identifiers by value and before alphanumeric ones, which go by ASCII order. */
function compareIdentifier(a: string, b: string): number {
  const aNumeric = DIGITS.test(a);
  const bNumeric = DIGITS.test(b);
  if (aNumeric && bNumeric) return compareNumeric(a, b);
  if (aNumeric !== bNumeric) return aNumeric ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}
