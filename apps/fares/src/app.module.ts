import { Module } from '@nestjs/common';
import { RegistryClientModule } from '@pss/registry-client';
import { PlatformModule } from '@pss/platform';
import { database } from './database/schema';
import { FaresModule } from './fares/fares.module';

@Module({
  imports: [
    PlatformModule.forRoot({
      serviceName: 'fares',
      defaultPort: 8080,
      description: 'Fares per flight number and date (BrownField PSS).',
      database,
    }),
    RegistryClientModule.forRoot({ appName: 'FARES' }),
    FaresModule,
  ],
})
export class AppModule {}
