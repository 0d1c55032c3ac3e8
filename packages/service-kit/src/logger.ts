import winston from 'winston';

export type LogLevel = 'error' | 'warn' | 'info' | 'debug';

export interface LoggerOptions {
  readonly service: string;
  readonly level?: LogLevel;
  /** Where the JSON lines go (default standard output); tests pass a stream to read them back. */
  readonly stream?: NodeJS.WritableStream;
  readonly silent?: boolean;
}

export type Logger = winston.Logger;

/** One JSON object per line, with time, level, service and whatever fields the call adds. */
export function createLogger({ service, level = 'info', stream, silent = false }: LoggerOptions): Logger {
  return winston.createLogger({
    level,
    silent,
    defaultMeta: { service },
    format: winston.format.combine(winston.format.timestamp(), winston.format.errors({ stack: true }), winston.format.json()),
    transports: [stream === undefined ? new winston.transports.Console() : new winston.transports.Stream({ stream })],
  });
}
