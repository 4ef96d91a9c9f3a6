import type { INestApplication } from '@nestjs/common';
import type { Server } from 'node:http';
import type { NextFunction, Request as ExpressRequest, Response as ExpressResponse } from 'express';
import { ReadinessService } from '../health/readiness.service';

/**
 * server.close() drops the keep-alive connections idle at that moment, but a connection whose
 * request is still in flight would linger until its client times it out. While stopping, every
 * response says `Connection: close` and idle connections are dropped as each response ends.
 */
export function drainConnectionsOnShutdown(app: INestApplication): void {
  let stopping = false;
  app.get(ReadinessService).onChange((state) => {
    stopping = state === 'STOPPING';
  });
  app.use((_req: ExpressRequest, res: ExpressResponse, next: NextFunction) => {
    res.once('finish', () => {
      if (stopping) setImmediate(() => (app.getHttpServer() as Server).closeIdleConnections());
    });
    if (stopping) res.setHeader('Connection', 'close');
    next();
  });
}
