// Versions as image tags write them: semver-like, but with MINOR and PATCH optional, an
// optional `v`, and a suffix after '-' such as `alpine` read as a semver prerelease.

/** The version fields of an ImageRef. */
export interface VersionFields {
  /** version and prerelease, without the `v`: `1.13-alpine` */
  fullVersion: string | null;
  /** MAJOR[.MINOR[.PATCH]] as written, not padded: `1.13` */
  version: string | null;
  /** the part after '-': `alpine`; null when absent or the version is not semver-like */
  prerelease: string | null;
}

const SEMVER_LIKE = /^v?(\d+(?:\.\d+){0,2})(?:-([0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*))?$/;

/** Splits a semver-like version; any other text (`latest`, `stable`) is kept as written. */
export function readVersion(text: string): VersionFields {
  const match = SEMVER_LIKE.exec(text);
  if (match === null) return { fullVersion: text, version: text, prerelease: null };
  const [, version, prerelease] = match;
  return {
    fullVersion: prerelease === undefined ? version! : `${version}-${prerelease}`,
    version: version!,
    prerelease: prerelease ?? null,
  };
}
