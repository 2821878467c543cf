// fleetgraph/client: the typed client and every typed document of schema/operations/.
export { createFleetgraphClient, type FleetgraphClient, type FleetgraphClientOptions } from './client.js';
export { FleetgraphError, type TransportCode } from './errors.js';
export * from '../../schema/generated/graphql.js';
