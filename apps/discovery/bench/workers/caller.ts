import { type INestApplication, Module } from '@nestjs/common';
import { RegistryClient, RegistryClientModule, ServiceHttpClient } from '@pss/registry-client';
import { createService, PlatformModule } from '@pss/platform';
import { discoveryUrl, freePort, type Child } from '../bench-support';

@Module({
  imports: [
    PlatformModule.forRoot({ serviceName: 'caller' }),
    RegistryClientModule.forRoot({ appName: 'CALLER', registerWithEureka: false }),
  ],
})
class CallerModule {}

export interface Caller {
  app: INestApplication;
  discovery: RegistryClient;
  http: ServiceHttpClient;
}

/** A service that only calls others, with libs/discovery's defaults (registry fetch every 1 s). */
export async function startCaller(registryPort: number): Promise<Caller> {
  Object.assign(process.env, {
    LOG_LEVEL: 'warn',
    PORT: String(await freePort()),
    DISCOVERY_URLS: discoveryUrl(registryPort, 'caller'),
  });
  const app = await createService(CallerModule);
  await app.init();
  return { app, discovery: app.get(RegistryClient), http: app.get(ServiceHttpClient) };
}

/** Ends a run: the caller first (it would log the others' disappearance), then the services and the registry. */
export async function stopAll(caller: Caller, services: Child[], registry: Child): Promise<void> {
  await caller.app.close();
  await Promise.all(services.map((service) => service.stop()));
  await registry.stop();
}

export function runMain(main: () => Promise<void>): void {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
