import type { LoggerService } from '@nestjs/common';
import type { EurekaLogger } from './eureka-js-client.types';
import { redactUserinfo } from './redact-userinfo';

// eureka-js-client warns at every look-up of an app that has no instance. The caller says so itself
// (a 503 naming the service), and a front door that is absent (a caller came directly) is no news.
const NO_INSTANCES = /^Unable to retrieve instances for appId: /;

/** eureka-js-client's log lines through `logger`, without credentials; its errors are warnings here. */
export function eurekaLogger(logger: LoggerService): EurekaLogger {
  const text = (args: unknown[]) =>
    redactUserinfo(args.map((arg) => (arg instanceof Error ? arg.message : String(arg))).join(' '));
  return {
    debug: (...args) => logger.debug?.(text(args)),
    info: (...args) => logger.log(text(args)),
    warn: (...args) => {
      const line = text(args);
      if (NO_INSTANCES.test(line)) logger.debug?.(line);
      else logger.warn(line);
    },
    error: (...args) => logger.warn(text(args)),
  };
}
