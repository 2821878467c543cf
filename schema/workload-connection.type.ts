import { ObjectType } from 'type-graphql';
import { Connection } from './connection.js';
import { Workload } from './workload.type.js';

// Roots are paginate's Pages of WorkloadRecords.
@ObjectType()
export class WorkloadConnection extends Connection('Workload', Workload) {}
