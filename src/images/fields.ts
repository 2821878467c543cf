import type { ImageRef } from './image-ref.js';

/** The contract's ImageField enum: the ImageRef fields an upgrade filter can compare. */
export const IMAGE_FIELDS = [
  'IMAGE_NAME',
  'IMAGE_OWNER',
  'OWNER',
  'REPO',
  'BRANCH',
  'FULL_VERSION',
  'VERSION',
  'BUILD',
  'COMMIT',
] as const;
export type ImageField = (typeof IMAGE_FIELDS)[number];

/**
 * The filter of a rollout that names none: same image from the same source and branch,
 * at whatever version. Registry is no field (the contract has none), so mirrors of one
 * image in several registries are candidates alike.
 */
export const DEFAULT_FILTER: readonly ImageField[] = Object.freeze([
  'IMAGE_NAME',
  'IMAGE_OWNER',
  'OWNER',
  'REPO',
  'BRANCH',
] as const);

const PROPERTY = {
  IMAGE_NAME: 'imageName',
  IMAGE_OWNER: 'imageOwner',
  OWNER: 'owner',
  REPO: 'repo',
  BRANCH: 'branch',
  FULL_VERSION: 'fullVersion',
  VERSION: 'version',
  BUILD: 'build',
  COMMIT: 'commit',
} as const satisfies Record<ImageField, keyof ImageRef>;

/**
 * Whether a container's image is a candidate for the posted one: equal on every field
 * of the filter (null equals null). An empty filter lets every image through.
 */
export function matchesFilter(candidate: ImageRef, posted: ImageRef, filter: readonly ImageField[]): boolean {
  return filter.every((field) => candidate[PROPERTY[field]] === posted[PROPERTY[field]]);
}
