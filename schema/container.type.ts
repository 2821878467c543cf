import { Field, ObjectType } from 'type-graphql';
import { ImageRef } from './image-ref.type.js';

// Roots are ContainerRecords: the containers of a workload's pod template.
@ObjectType()
export class Container {
  @Field(() => String)
  name!: string;

  @Field(() => String)
  image!: string;

  @Field(() => ImageRef)
  imageRef!: ImageRef;
}
