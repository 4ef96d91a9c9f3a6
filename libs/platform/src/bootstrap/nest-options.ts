import { ConsoleLogger, type NestApplicationOptions } from '@nestjs/common';

/**
 * Until pino takes over (the platform's NestLogger, as its module creates it), Nest buffers its
 * lines; if startup fails first, they are printed by this logger, so they are JSON lines too.
 * Errors are thrown, not a process.abort().
 */
export const nestOptions = (): NestApplicationOptions => ({
  bufferLogs: true,
  abortOnError: false,
  logger: new ConsoleLogger({ json: true, colors: false }),
});
