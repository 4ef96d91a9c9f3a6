import { Module } from '@nestjs/common';
import { PlatformModule } from '@pss/platform';
import { RegistryClientModule } from '@pss/registry-client';
import { LifecycleModule } from './lifecycle.module';

@Module({
  imports: [
    PlatformModule.forRoot({
      serviceName: 'lifecycle',
      defaultPort: 8000,
      description: "Sees and scales PSS's services: their containers beside the registry's instances.",
    }),
    RegistryClientModule.forRoot({ appName: 'LIFECYCLE' }),
    LifecycleModule,
  ],
})
export class AppModule {}
