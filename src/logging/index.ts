export { LOG_LEVELS, type LogLevel } from './levels.js';
export { createLogger, type Logger, type LoggerOptions } from './logger.js';
