import type { INestApplication, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ExpressAdapter, type NestExpressApplication } from '@nestjs/platform-express';
import { Logger } from 'nestjs-pino';
import { drainConnectionsOnShutdown } from './connection-draining';
import { nestOptions } from './nest-options';
import { requestIdMiddleware } from '../logging/request-context';
import { httpMetricsMiddleware } from '../metrics/http-metrics.middleware';
import { MetricsService } from '../metrics/metrics.service';
import { setupOpenApi } from '../openapi/setup-openapi';
import { PLATFORM_OPTIONS, type PlatformOptions } from '../platform-options';

/**
 * Creates the configured application without listening: request ids, metrics, OpenAPI, pino.
 * main.ts goes through bootstrapService; integration tests call this and `listen(0)`.
 */
export async function createService(appModule: Type<unknown>): Promise<INestApplication> {
  // The adapter is named rather than loaded by Nest on demand, so the bundle's package.json lists it.
  const app = await NestFactory.create<NestExpressApplication>(
    appModule,
    new ExpressAdapter(),
    nestOptions(),
  );
  app.useLogger(app.get(Logger));
  app.disable('x-powered-by');
  drainConnectionsOnShutdown(app);
  app.use(requestIdMiddleware);
  app.use(httpMetricsMiddleware(app.get(MetricsService)));
  setupOpenApi(app, app.get<PlatformOptions>(PLATFORM_OPTIONS));
  return app;
}
