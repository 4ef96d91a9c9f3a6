import { Module } from '@nestjs/common';
import { MessagingModule } from '@pss/messaging';
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
    // Fares publishes `fare.changed` when an operator files or changes a fare, and hears of new
    // flights from the schedule's `flight.scheduled`.
    MessagingModule.forService('fares'),
    FaresModule,
  ],
})
export class AppModule {}
