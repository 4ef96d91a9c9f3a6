import fastify from 'fastify';
import pino from 'pino';
import { Writable } from 'node:stream';
import { QueryFailedError } from 'typeorm';
import type { ServiceConfig } from '../config/service-config';
import { loggableError } from '../errors/loggable-error';
import { NestLogger } from '../logging/nest-logger';
import type { ServiceLogger } from '../logging/service-logger';
import { MetricsService } from '../metrics/metrics.service';
import { addRequestHooks } from './request-hooks';

function capturedLogger() {
  const lines: string[] = [];
  const logger = pino(
    new Writable({ write: (chunk, _encoding, done) => done(void lines.push(String(chunk))) }),
  );
  return { logger, text: () => lines.join('') };
}

describe('request logs', () => {
  it('show the path and the names of the query parameters, never their values', async () => {
    const { logger, text } = capturedLogger();
    const server = fastify();
    const metrics = new MetricsService({ serviceName: 'probe' } as ServiceConfig);
    addRequestHooks(server, { metrics, logger, isStopping: () => false });
    server.get('/bookings', (_request, reply) => reply.code(404).send());
    await server.inject('/bookings?reference=K7M4QX&lastName=Franc');
    await server.close();
    expect(text()).toContain('"url":"/bookings?reference&lastName"');
    expect(text()).not.toMatch(/K7M4QX|Franc/);
  });
});

describe('error logs', () => {
  it('show a failed query without its parameters', () => {
    const { logger, text } = capturedLogger();
    const nest = new NestLogger({ pino: logger } as ServiceLogger);
    const failed = new QueryFailedError(
      'INSERT INTO passengers (last_name) VALUES ($1)',
      ['Franc-the-passenger'],
      Object.assign(new Error('value too long for type character varying(60)'), {
        code: '22001',
        severity: 'ERROR',
      }),
    );
    nest.error(loggableError(failed), 'ProblemDetails');
    expect(text()).toContain('value too long');
    expect(text()).not.toContain('Franc-the-passenger');
  });
});
