import type { IncomingMessage } from 'node:http';
import type { Params } from 'nestjs-pino';
import { stdTimeFunctions } from 'pino';
import type { ServiceConfig } from '../config/service-config';
import { acceptOrCreateRequestId } from './request-context';

// Probes and scrapes arrive every few seconds; logging each would drown the useful lines.
const QUIET_PATHS = new Set(['/health/live', '/health/ready', '/metrics']);

/** pino JSON lines: `service` and `instance` on every line, `requestId` on every line of a request. */
export function loggerParams(config: ServiceConfig): Params {
  return {
    pinoHttp: {
      level: config.logLevel,
      base: { service: config.serviceName, instance: config.instanceHost },
      timestamp: stdTimeFunctions.isoTime,
      messageKey: 'msg',
      genReqId: (req: IncomingMessage) => req.id ?? acceptOrCreateRequestId(req.headers['x-request-id']),
      // A 4xx is the client's mistake, answered as designed: not a warning about this service.
      customLogLevel: (_req, res, error) => (error || res.statusCode >= 500 ? 'error' : 'info'),
      quietReqLogger: true,
      customAttributeKeys: { reqId: 'requestId' },
      autoLogging: { ignore: (req) => QUIET_PATHS.has((req.url ?? '').split('?')[0]) },
      redact: ['req.headers.authorization', 'req.headers.cookie'],
    },
  };
}
