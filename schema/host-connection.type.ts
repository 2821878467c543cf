import { ObjectType } from 'type-graphql';
import { Connection } from './connection.js';
import { Host } from './host.type.js';

@ObjectType()
export class HostConnection extends Connection('Host', Host) {}
