import { Field, ObjectType } from 'type-graphql';
import { ImageDiff } from './image-diff.enum.js';
import { Workload } from './workload.type.js';

// Roots are ImageComparisonRecords (src/upgrades); workload is a WorkloadRecord.
@ObjectType()
export class ImageComparison {
  @Field(() => Workload)
  workload!: Workload;

  @Field(() => String)
  container!: string;

  @Field(() => String)
  image!: string;

  @Field(() => ImageDiff)
  diff!: ImageDiff;

  @Field(() => String)
  comparedTo!: string;

  @Field(() => String, { nullable: true, description: 'why the container is ERROR (incompatible field, unparsable tag, ...)' })
  reason!: string | null;
}
