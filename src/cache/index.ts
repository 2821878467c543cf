// Reads of the fleet served from the watch engine's live copies, and the gateway's own writes
// they wait for.
export { createListCache, type CachedList, type ListCache, type ListCacheOptions } from './list-cache.js';
export { createWriteLog, recordingWrites, type Write, type WriteLog } from './write-log.js';
