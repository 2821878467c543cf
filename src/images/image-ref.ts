import { DOCKER_HUB_OFFICIAL_OWNER, isDockerHub } from './docker-hub.js';
import { splitReference } from './reference.js';
import { readTag } from './tag.js';
import { readVersion, type VersionFields } from './version.js';

/** The tag of a reference written without one, as Docker reads it. */
export const DEFAULT_TAG = 'latest';
/** The branch of a tag whose convention leaves it out. */
export const DEFAULT_BRANCH = 'master';

/** A container image reference and what its tag says; the contract's ImageRef, plus `digest`. */
export interface ImageRef {
  /** the reference as written */
  spec: string;
  /** the registry as written; null for Docker Hub, whether written out or implied */
  registry: string | null;
  /** the path before the name; `library` for one-segment Docker Hub images, null elsewhere */
  imageOwner: string | null;
  /** the last path segment */
  imageName: string;
  /** as written; `latest` when absent */
  tag: string;
  /** `sha256:<hex>` when the reference pins one */
  digest: string | null;
  /** from the tag; else imageOwner */
  owner: string | null;
  /** from the tag; else imageName */
  repo: string | null;
  /** from the tag; else `master` */
  branch: string | null;
  /** version and prerelease, without a leading `v`; other versions as written */
  fullVersion: string | null;
  /** MAJOR[.MINOR[.PATCH]] as written; other versions (`latest`, `stable`) as written */
  version: string | null;
  prerelease: string | null;
  build: string | null;
  commit: string | null;
}

// For a tag whose version part is empty (`_42`).
const NO_VERSION: VersionFields = { fullVersion: null, version: null, prerelease: null };

/**
 * Parses a Docker image reference and reads its tag by the build convention.
 * @throws ImageParseError when the reference does not follow the Docker grammar.
 */
export function parseImage(spec: string): ImageRef {
  const { registry, path, tag: written, digest } = splitReference(spec);
  const hub = isDockerHub(registry);
  const imageName = path[path.length - 1]!;
  const imageOwner = ownerOf(path, hub);
  const tag = written ?? DEFAULT_TAG;
  const fields = readTag(tag);
  return {
    spec,
    registry: hub ? null : registry,
    imageOwner,
    imageName,
    tag,
    digest,
    owner: fields.owner ?? imageOwner,
    repo: fields.repo ?? imageName,
    branch: fields.branch ?? DEFAULT_BRANCH,
    ...(fields.version === null ? NO_VERSION : readVersion(fields.version)),
    build: fields.build,
    commit: fields.commit,
  };
}

/**
 * Docker Hub files one-segment names under `library`. Other registries have no such
 * rule: `registry.example.com/foo` has no owner, and calling it `library` would make it
 * match Docker Hub's official images under the default filter.
 */
function ownerOf(path: readonly string[], hub: boolean): string | null {
  if (path.length > 1) return path.slice(0, -1).join('/');
  return hub ? DOCKER_HUB_OFFICIAL_OWNER : null;
}
