import { type INestApplication, type INestApplicationContext, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { createService, PlatformModule } from '@pss/platform';
import { RegistryClientModule } from '../src/registry-client.module';
import type { RegistryClientOptions } from '../src/registry-client-settings';

function serviceModule(options: RegistryClientOptions) {
  @Module({
    imports: [
      PlatformModule.forRoot({ serviceName: options.appName.toLowerCase() }),
      RegistryClientModule.forRoot(options),
    ],
  })
  class ServiceModule {}
  return ServiceModule;
}

/** Runs `create` with `env` set (configuration is read while the app is created). */
async function withEnvironment<T>(env: Record<string, string>, create: () => Promise<T>): Promise<T> {
  const saved = Object.fromEntries(
    Object.keys({ LOG_LEVEL: '', ...env }).map((key) => [key, process.env[key]]),
  );
  Object.assign(process.env, { LOG_LEVEL: 'warn', ...env });
  try {
    return await create();
  } finally {
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  }
}

/**
 * A service in this test process: platform + RegistryClientModule, configured by `env`, listening
 * on PORT (else a free port) or, with `listen` false, initialised without listening.
 */
export const startInProcessService = (
  options: RegistryClientOptions,
  env: Record<string, string>,
  listen = true,
): Promise<INestApplication> =>
  withEnvironment(env, async () => {
    const app = await createService(serviceModule(options));
    if (listen) await app.listen(Number(env['PORT'] ?? 0), '127.0.0.1');
    else await app.init();
    return app;
  });

/** The same service as an application context without HTTP, as `main.js migrate` runs it. */
export const startInProcessContext = (
  options: RegistryClientOptions,
  env: Record<string, string>,
): Promise<INestApplicationContext> =>
  withEnvironment(env, () => NestFactory.createApplicationContext(serviceModule(options), { logger: false }));

// The client's caches change on its own fetch interval: assertions on them poll.
export { eventually } from '@pss/testing';
