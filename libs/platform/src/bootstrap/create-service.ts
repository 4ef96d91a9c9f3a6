import type { INestApplication, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import type { IncomingMessage } from 'node:http';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { ServiceConfig } from '../config/service-config';
import { ReadinessService } from '../health/readiness.service';
import { refuseForeignCharsets } from '../http/body-charset';
import { answerClientError } from '../http/client-error';
import { answerFrameworkError } from '../http/framework-error';
import { readJsonBodiesOnly } from '../http/json-body';
import { limitLookups } from '../http/lookup-rate-limit';
import { addRequestHooks, type ResponseRecorder } from '../http/request-hooks';
import { acceptOrCreateRequestId } from '../logging/request-context';
import { ServiceLogger } from '../logging/service-logger';
import { MetricsService } from '../metrics/metrics.service';
import { setupOpenApi } from '../openapi/setup-openapi';
import { PLATFORM_OPTIONS, type PlatformOptions } from '../platform-options';
import { nestOptions } from './nest-options';

/** The largest request body a service reads. */
const BODY_LIMIT_BYTES = 1024 * 1024;

/**
 * Creates the configured application on fastify without listening: request ids, metrics, logs,
 * JSON bodies only, look-up rate limits, OpenAPI. main.ts goes through bootstrapService; integration tests call this and `listen(0)`.
 */
export async function createService(appModule: Type<unknown>): Promise<INestApplication> {
  // fastify takes its refusal handler as it is made; what counts and logs answers, once the app is.
  let recordResponse: ResponseRecorder | undefined;
  const adapter = new FastifyAdapter({
    genReqId: (request: IncomingMessage) => acceptOrCreateRequestId(request.headers['x-request-id']),
    bodyLimit: BODY_LIMIT_BYTES,
    // `/fares/` is `/fares`, as clients that append a slash (Eureka's among them) expect.
    routerOptions: { ignoreTrailingSlash: true },
    // On close: idle keep-alive connections are dropped at once; requests in flight finish.
    forceCloseConnections: 'idle',
    clientErrorHandler: answerClientError,
    frameworkErrors: (error: FastifyError, request: FastifyRequest, reply: FastifyReply) =>
      answerFrameworkError(error, request, reply, recordResponse),
  });
  // Nest's own parsers would read form-urlencoded bodies too: the platform registers the JSON one.
  const app = await NestFactory.create<NestFastifyApplication>(appModule, adapter, {
    ...nestOptions(),
    bodyParser: false,
  });
  try {
    const readiness = app.get(ReadinessService);
    recordResponse = addRequestHooks(adapter.getInstance(), {
      metrics: app.get(MetricsService),
      logger: app.get(ServiceLogger).pino,
      isStopping: () => readiness.state === 'STOPPING',
    });
    refuseForeignCharsets(adapter.getInstance());
    readJsonBodiesOnly(adapter.getInstance());
    await limitLookups(app, app.get(ServiceConfig).lookupsPerMinute);
    const options = app.get<PlatformOptions>(PLATFORM_OPTIONS);
    await options.configureHttp?.(app);
    setupOpenApi(app, options);
    return app;
  } catch (error) {
    // The modules are initialised: their pools, connections and timers must not outlive the failure.
    await app.close().catch(() => undefined);
    throw error;
  }
}
