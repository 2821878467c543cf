// Container image references: parsing (Docker grammar plus the build convention for tags)
// and upgrade classification. Pure and a leaf: nothing here imports outside src/images.
export { ImageParseError } from './errors.js';
export { DEFAULT_BRANCH, DEFAULT_TAG, type ImageRef, parseImage } from './image-ref.js';
export { DEFAULT_FILTER, IMAGE_FIELDS, type ImageField, matchesFilter } from './fields.js';
export { IMAGE_DIFFS, type Classification, type ImageDiff, classify } from './classify.js';
export { type ContainerComparison, type ContainerImage, type UpgradePlan, planUpgrades } from './upgrade-plan.js';
export { imageMatchesFragment } from './fragment.js';
export { DOCKER_HUB_HOSTS } from './docker-hub.js';
