import { hostname } from 'node:os';
import pino, { type Logger } from 'pino';
import type { ServiceConfig } from '../config/service-config';
import { currentRequestId } from './request-context';

/** The service's one pino logger; inside a request every line carries its `requestId`. */
export class ServiceLogger {
  readonly pino: Logger;

  constructor(config: ServiceConfig) {
    this.pino = pino({
      level: config.logLevel,
      // In a container the host name is its id, as `docker ps` shows it.
      base: { service: config.serviceName, instance: config.instanceHost ?? hostname() },
      timestamp: pino.stdTimeFunctions.isoTime,
      messageKey: 'msg',
      mixin: () => {
        const requestId = currentRequestId();
        return requestId ? { requestId } : {};
      },
    });
  }
}
