export { loadConfig, ConfigError, LOG_LEVELS, type Config, type LogLevel } from './config.js';
