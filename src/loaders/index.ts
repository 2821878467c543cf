export { createFleetReader, type FleetReader, type FleetReaderOptions } from './fleet-reader.js';
export { ALL_NAMESPACES, listKey, type ListKey } from './list-key.js';
export { getOrNone, listAcross, listOrEmpty, type ClusterItems } from './across.js';
export { listIndex } from './list-index.js';
