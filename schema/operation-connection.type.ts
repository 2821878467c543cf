import { ObjectType } from 'type-graphql';
import { Connection } from './connection.js';
import { Operation } from './operation.type.js';

@ObjectType()
export class OperationConnection extends Connection('Operation', Operation) {}
