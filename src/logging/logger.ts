import { pino, type Logger, type DestinationStream } from 'pino';
import type { LogLevel } from './levels.js';

export type { Logger };

export interface LoggerOptions {
  /** Lowest level written. Default info. */
  level?: LogLevel;
  /** Where lines go. Default stdout, one JSON object per line. */
  destination?: DestinationStream;
}

/** The gateway's root logger; components take children of it (`logger.child({ component })`). */
export function createLogger({ level = 'info', destination }: LoggerOptions = {}): Logger {
  const options = { name: 'fleetgraph', level };
  return destination ? pino(options, destination) : pino(options);
}
