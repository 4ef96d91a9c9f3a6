import { type INestApplication, Module } from '@nestjs/common';
import { createService, PlatformModule } from '@pss/platform';
import { DiscoveryModule } from '../discovery.module';
import type { DiscoveryModuleOptions } from '../discovery-settings';

/** A service in this test process: platform + DiscoveryModule, configured by `env`. */
export async function startInProcessService(
  options: DiscoveryModuleOptions,
  env: Record<string, string>,
  listen = true,
): Promise<INestApplication> {
  @Module({
    imports: [
      PlatformModule.forRoot({ serviceName: options.appName.toLowerCase() }),
      DiscoveryModule.forRoot(options),
    ],
  })
  class ServiceModule {}

  const saved = Object.fromEntries(Object.keys(env).map((key) => [key, process.env[key]]));
  Object.assign(process.env, { LOG_LEVEL: 'warn', ...env });
  try {
    const app = await createService(ServiceModule);
    if (listen) await app.listen(Number(env['PORT']), '127.0.0.1');
    else await app.init();
    return app;
  } finally {
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  }
}

// The client's caches change on its own fetch interval: assertions on them poll.
export { eventually } from '@pss/testing';
