import { Module } from '@nestjs/common';
import { PlatformModule } from '@pss/platform';
import { RegistryClientModule } from '@pss/registry-client';
import { ExamplesModule } from './examples/examples.module';

@Module({
  imports: [
    PlatformModule.forRoot({ serviceName: 'lifecycle', defaultPort: 8000 }),
    RegistryClientModule.forRoot({ appName: 'LIFECYCLE' }),
    ExamplesModule,
  ],
})
export class AppModule {}
