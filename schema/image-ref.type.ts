import { Field, ObjectType } from 'type-graphql';

// Roots are src/images ImageRefs (their `digest` is not part of the contract's type). For an
// image that does not parse, see imageRefOf in src/model/workload.ts: spec and imageName are
// the text as written, tag is empty, the rest null.
@ObjectType({ description: 'A container image reference and the metadata parsed from its tag' })
export class ImageRef {
  @Field(() => String, { description: 'the reference as written in the manifest' })
  spec!: string;

  @Field(() => String, { nullable: true })
  registry!: string | null;

  @Field(() => String, { nullable: true })
  imageOwner!: string | null;

  @Field(() => String)
  imageName!: string;

  @Field(() => String)
  tag!: string;

  @Field(() => String, { nullable: true })
  owner!: string | null;

  @Field(() => String, { nullable: true })
  repo!: string | null;

  @Field(() => String, { nullable: true })
  branch!: string | null;

  @Field(() => String, { nullable: true })
  fullVersion!: string | null;

  @Field(() => String, { nullable: true })
  version!: string | null;

  @Field(() => String, { nullable: true })
  prerelease!: string | null;

  @Field(() => String, { nullable: true })
  build!: string | null;

  @Field(() => String, { nullable: true })
  commit!: string | null;
}
