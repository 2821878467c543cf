import { registerEnumType } from 'type-graphql';
import type { ImageField as ImageFieldValue } from '../src/images/index.js';

// The ImageRef fields an upgrade filter compares (src/images/fields.ts).
// A const object rather than a TS enum, for the reason given in cluster-status.enum.ts.
export const ImageField = {
  IMAGE_NAME: 'IMAGE_NAME',
  IMAGE_OWNER: 'IMAGE_OWNER',
  OWNER: 'OWNER',
  REPO: 'REPO',
  BRANCH: 'BRANCH',
  FULL_VERSION: 'FULL_VERSION',
  VERSION: 'VERSION',
  BUILD: 'BUILD',
  COMMIT: 'COMMIT',
} as const satisfies { [K in ImageFieldValue]: K };
export type ImageField = ImageFieldValue;

registerEnumType(ImageField, { name: 'ImageField' });
