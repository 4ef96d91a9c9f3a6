import { type INestApplication, Module } from '@nestjs/common';
import { DiscoveryClient, DiscoveryModule, ServiceHttpClient } from '@pss/discovery';
import { createService, PlatformModule } from '@pss/platform';
import { freePort } from '../bench-support';

@Module({
  imports: [
    PlatformModule.forRoot({ serviceName: 'caller' }),
    DiscoveryModule.forRoot({ appName: 'CALLER', registerWithEureka: false }),
  ],
})
class CallerModule {}

export interface Caller {
  app: INestApplication;
  discovery: DiscoveryClient;
  http: ServiceHttpClient;
}

/** A service that only calls others, with libs/discovery's defaults (registry fetch every 1 s). */
export async function startCaller(registryPort: number): Promise<Caller> {
  Object.assign(process.env, {
    LOG_LEVEL: 'warn',
    PORT: String(await freePort()),
    DISCOVERY_URLS: `http://127.0.0.1:${registryPort}/eureka/`,
  });
  const app = await createService(CallerModule);
  await app.init();
  return { app, discovery: app.get(DiscoveryClient), http: app.get(ServiceHttpClient) };
}
