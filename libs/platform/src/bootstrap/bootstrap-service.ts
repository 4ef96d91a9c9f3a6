import type { INestApplication, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestLogger } from '../logging/nest-logger';
import pino from 'pino';
import { ServiceConfig } from '../config/service-config';
import { DatabaseLifecycle } from '../database/database-lifecycle';
import { createService } from './create-service';
import { nestOptions } from './nest-options';
import { enableGracefulShutdown } from './graceful-shutdown';

/**
 * The whole of a service's main.ts. `node main.js` serves HTTP on PORT; `node main.js migrate`
 * applies the migrations and the seed, then exits (a one-shot job to run before the service).
 * Startup failures (a bad variable, an unreachable database) log one JSON line and exit 1.
 */
export async function bootstrapService(appModule: Type<unknown>): Promise<INestApplication | undefined> {
  try {
    if (process.argv[2] === 'migrate') {
      await migrateOnce(appModule);
      return undefined;
    }
    const app = await createService(appModule);
    enableGracefulShutdown(app);
    const config = app.get(ServiceConfig);
    await app.listen(config.port, '0.0.0.0');
    app.get(NestLogger).log(`${config.serviceName} listening on port ${config.port}`, 'Bootstrap');
    return app;
  } catch (error) {
    pino({ timestamp: pino.stdTimeFunctions.isoTime }).fatal({ err: error }, 'startup failed');
    process.exit(1);
  }
}

async function migrateOnce(appModule: Type<unknown>): Promise<void> {
  const context = await NestFactory.createApplicationContext(appModule, nestOptions());
  context.useLogger(context.get(NestLogger));
  if (!context.get(ServiceConfig).database?.migrateOnStart) await context.get(DatabaseLifecycle).migrate();
  await context.close();
}
