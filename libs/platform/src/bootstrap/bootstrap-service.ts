import type { INestApplication, INestApplicationContext, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestLogger } from '../logging/nest-logger';
import pino from 'pino';
import { runCommand } from '../commands/run-command';
import { ServiceConfig } from '../config/service-config';
import { DatabaseLifecycle } from '../database/database-lifecycle';
import { createService } from './create-service';
import { nestOptions } from './nest-options';
import { enableGracefulShutdown } from './graceful-shutdown';

/**
 * The whole of a service's main.ts. `node main.js` serves HTTP on PORT; `node main.js migrate`
 * applies the migrations and the seed, then exits (a one-shot job to run before the service);
 * `node main.js <command> [args…]` runs one of the service's ServiceCommands, then exits.
 * Failures (a bad variable, a database that refuses it or does not answer within 90 s, a failed
 * command) log one JSON line and exit 1.
 */
export async function bootstrapService(appModule: Type<unknown>): Promise<INestApplication | undefined> {
  const [command, ...args] = process.argv.slice(2);
  try {
    if (command) {
      await inContext(appModule, (context) =>
        command === 'migrate' ? migrateOnce(context) : runCommand(context, command, args),
      );
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

/** An application context without HTTP for a one-shot command; closed whatever happens. */
async function inContext(
  appModule: Type<unknown>,
  work: (context: INestApplicationContext) => Promise<void>,
): Promise<void> {
  const context = await NestFactory.createApplicationContext(appModule, nestOptions());
  try {
    await work(context);
  } finally {
    await context.close();
  }
}

async function migrateOnce(context: INestApplicationContext): Promise<void> {
  if (!context.get(ServiceConfig).database?.migrateOnStart) await context.get(DatabaseLifecycle).migrate();
}
