// Event sinks: resource changes pushed to configured HTTP endpoints (README, "Event sinks").
export { startSinks, type SinkManager, type SinkManagerOptions } from './manager.js';
export { createSink, type Sink, type SinkOptions } from './sink.js';
export type { SinkStats } from './counters.js';
export type { SinkEvent, SinkPayload } from './payload.js';
export type { Poster } from './post.js';
