import { Injectable, Logger, type LoggerService } from '@nestjs/common';
import type { Level, Logger as Pino } from 'pino';
import { ServiceLogger } from './service-logger';

const STACK = /\n\s+at /;

/**
 * Nest's Logger, written through pino: `new Logger('Database').log(...)` becomes one JSON line with
 * `context: "Database"`. Nest passes a logger's context as the last argument; an object first is
 * logged as fields (`log({ applied }, 'migrated')`), an Error as `err`.
 */
@Injectable()
export class NestLogger implements LoggerService {
  private readonly pino: Pino;

  constructor(logger: ServiceLogger) {
    this.pino = logger.pino;
  }

  fatal = (message: unknown, ...params: unknown[]) => this.write('fatal', message, params);
  error = (message: unknown, ...params: unknown[]) => this.write('error', message, params);
  warn = (message: unknown, ...params: unknown[]) => this.write('warn', message, params);
  log = (message: unknown, ...params: unknown[]) => this.write('info', message, params);
  debug = (message: unknown, ...params: unknown[]) => this.write('debug', message, params);
  verbose = (message: unknown, ...params: unknown[]) => this.write('trace', message, params);

  private write(level: Level, message: unknown, params: unknown[]): void {
    if (!this.pino.isLevelEnabled(level)) return;
    const last = params.at(-1);
    const context = params.length > 0 && typeof last === 'string' ? (params.pop() as string) : undefined;
    const fields: Record<string, unknown> = context ? { context } : {};
    const stack = params.find((param) => typeof param === 'string' && STACK.test(param));
    if (stack) fields.stack = stack;
    if (message instanceof Error) return this.pino[level]({ ...fields, err: message }, message.message);
    if (typeof message === 'object' && message !== null) {
      const text = params.find((param) => typeof param === 'string' && param !== stack);
      return this.pino[level]({ ...fields, ...message }, text as string | undefined);
    }
    this.pino[level](fields, String(message));
  }
}

/**
 * Nest's Logger writes through `logger` from now on, the lines it buffered since the start first. The
 * platform's module does this as it creates its NestLogger, before a service connects to anything: a
 * service that waits for its database says so at each attempt, not once it has started or given up.
 */
export function takeOverNestLogging(logger: NestLogger): NestLogger {
  Logger.overrideLogger(logger);
  Logger.flush();
  return logger;
}
