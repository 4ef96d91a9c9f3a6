import { type DynamicModule, Module } from '@nestjs/common';
import { RegistryClient, REGISTRY_CLIENT_SETTINGS } from './registry-client.service';
import { registryClientSettings, type RegistryClientOptions } from './registry-client-settings';
import { ServiceHttpClient } from './http/service-http-client';
import { CatchUp } from './catch-up/catch-up.service';
import { RegistryNodes } from './nodes/registry-nodes';

/** Import once in a service's AppModule: `RegistryClientModule.forRoot({ appName: 'FARES' })`. */
@Module({})
export class RegistryClientModule {
  static forRoot(options: RegistryClientOptions): DynamicModule {
    return {
      module: RegistryClientModule,
      global: true,
      providers: [
        { provide: REGISTRY_CLIENT_SETTINGS, useFactory: () => registryClientSettings(options, process.env) },
        RegistryClient,
        ServiceHttpClient,
        CatchUp,
        RegistryNodes,
      ],
      exports: [RegistryClient, ServiceHttpClient, CatchUp, RegistryNodes],
    };
  }
}
