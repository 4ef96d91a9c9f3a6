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
    // Fares consumes nothing: it publishes `fare.changed` when an operator changes a fare.
    MessagingModule.forService('fares'),
    FaresModule,
  ],
})
export class AppModule {}
