// The levels LOG_LEVEL accepts, lowest-volume first; 'silent' writes nothing.
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

// LOG_FORMAT: json (one object per line, for collectors) or pretty (for people at a terminal).
export const LOG_FORMATS = ['json', 'pretty'] as const;
export type LogFormat = (typeof LOG_FORMATS)[number];
