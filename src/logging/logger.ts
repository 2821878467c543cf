import { pino, type Logger, type DestinationStream } from 'pino';
import type { LogFormat, LogLevel } from './levels.js';

export type { Logger };

export interface LoggerOptions {
  /** Lowest level written. Default info. */
  level?: LogLevel;
  /** json: one JSON object per line (default, for collectors); pretty: one readable line per entry, for people. */
  format?: LogFormat;
  /** Where lines go. Default stdout. */
  destination?: DestinationStream;
}

/** The gateway's root logger; components take children of it (`logger.child({ component })`). */
export function createLogger({ level = 'info', format = 'json', destination }: LoggerOptions = {}): Logger {
  const options = { name: 'fleetgraph', level };
  const target = destination ?? pino.destination(1);
  return pino(options, format === 'pretty' ? prettyStream(target) : target);
}

const LEVEL_NAMES: Record<number, string> = { 10: 'TRACE', 20: 'DEBUG', 30: 'INFO', 40: 'WARN', 50: 'ERROR', 60: 'FATAL' };
const OWN_KEYS = new Set(['level', 'time', 'pid', 'hostname', 'name', 'msg', 'component', 'err']);

/**
 * `12:03:04.567 INFO  [request] graphql request requestId=… outcome=ok`: pino's JSON turned into
 * one line a person reads; an error's stack follows on its own lines.
 */
export function prettyStream(out: DestinationStream): DestinationStream {
  return {
    write(line: string) {
      const entry = JSON.parse(line) as Record<string, unknown>;
      const time = new Date(Number(entry.time)).toISOString().slice(11, 23);
      const level = (LEVEL_NAMES[Number(entry.level)] ?? String(entry.level)).padEnd(5);
      const component = entry.component ? ` [${String(entry.component)}]` : '';
      const fields = Object.entries(entry)
        .filter(([key]) => !OWN_KEYS.has(key))
        .map(([key, value]) => `${key}=${typeof value === 'string' ? value : JSON.stringify(value)}`);
      const err = entry.err as { stack?: string; message?: string } | undefined;
      const tail = err ? `\n  ${(err.stack ?? err.message ?? '').replace(/\n/g, '\n  ')}` : '';
      out.write(`${time} ${level}${component} ${String(entry.msg ?? '')}${fields.length ? ' ' + fields.join(' ') : ''}${tail}\n`);
    },
  };
}
