import { type DynamicModule, Module } from '@nestjs/common';
import { DiscoveryClient, DISCOVERY_SETTINGS } from './discovery-client.service';
import { discoverySettings, type DiscoveryModuleOptions } from './discovery-settings';
import { ServiceHttpClient } from './http/service-http-client';

/** Import once in a service's AppModule: `DiscoveryModule.forRoot({ appName: 'FARES' })`. */
@Module({})
export class DiscoveryModule {
  static forRoot(options: DiscoveryModuleOptions): DynamicModule {
    return {
      module: DiscoveryModule,
      global: true,
      providers: [
        { provide: DISCOVERY_SETTINGS, useFactory: () => discoverySettings(options, process.env) },
        DiscoveryClient,
        ServiceHttpClient,
      ],
      exports: [DiscoveryClient, ServiceHttpClient],
    };
  }
}
