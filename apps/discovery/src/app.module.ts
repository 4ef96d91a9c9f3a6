import { Module } from '@nestjs/common';
import { PlatformModule } from '@pss/platform';
import { RegistryModule } from './registry.module';

@Module({
  imports: [
    PlatformModule.forRoot({
      serviceName: 'discovery',
      defaultPort: 8761,
      description: 'Eureka-compatible service registry (status page at /, Eureka API under /eureka)',
    }),
    RegistryModule,
  ],
})
export class AppModule {}
