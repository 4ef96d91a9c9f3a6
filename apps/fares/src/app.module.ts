import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@pss/discovery';
import { PlatformModule } from '@pss/platform';
import { faresDatabase } from './database/schema';
import { FaresModule } from './fares/fares.module';

@Module({
  imports: [
    PlatformModule.forRoot({
      serviceName: 'fares',
      defaultPort: 8080,
      description: 'Fares per flight number and date (BrownField PSS).',
      database: faresDatabase,
    }),
    DiscoveryModule.forRoot({ appName: 'FARES' }),
    FaresModule,
  ],
})
export class AppModule {}
