import { Field, ObjectType } from 'type-graphql';
import { Role } from './role.enum.js';

@ObjectType()
export class Principal {
  @Field(() => String)
  name!: string;

  @Field(() => [Role])
  roles!: Role[];
}
