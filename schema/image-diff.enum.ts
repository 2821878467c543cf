import { registerEnumType } from 'type-graphql';
import type { ImageDiff as ImageDiffValue } from '../src/images/index.js';

// What rolling the posted image out would do to a container (src/images/classify.ts).
// A const object rather than a TS enum, for the reason given in cluster-status.enum.ts.
export const ImageDiff = {
  UPGRADE: 'UPGRADE',
  OBSOLETE: 'OBSOLETE',
  EQUAL: 'EQUAL',
  ERROR: 'ERROR',
} as const satisfies { [K in ImageDiffValue]: K };
export type ImageDiff = ImageDiffValue;

registerEnumType(ImageDiff, { name: 'ImageDiff' });
