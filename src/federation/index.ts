export { EXTRA_KEYS, FEDERATION_LINK, SHAREABLE_FIELDS, SHAREABLE_TYPES, entityKeys, subgraphTypeDefs } from './subgraph-sdl.js';
export { type Representation, referenceId, resolveReference } from './references.js';
export { forwardedHeaders, type HeaderSource } from './forward-headers.js';
