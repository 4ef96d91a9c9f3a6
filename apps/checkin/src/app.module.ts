import { Module } from '@nestjs/common';
import { MessagingModule } from '@pss/messaging';
import { PlatformModule } from '@pss/platform';
import { RegistryClientModule } from '@pss/registry-client';
import { LegacyRoutesModule } from './legacy/legacy-routes.module';
import { CheckinsModule } from './checkins/checkins.module';
import { database } from './database/schema';
import { SeatsModule } from './seats/seats.module';

@Module({
  imports: [
    PlatformModule.forRoot({
      serviceName: 'checkin',
      defaultPort: 8070,
      description: 'Check-in: a seat and a boarding pass for each passenger of a booking (BrownField PSS).',
      database,
    }),
    RegistryClientModule.forRoot({ appName: 'CHECKIN' }),
    // Check-in publishes checkin.completed, and follows the schedule's events for its seat maps.
    MessagingModule.forService('checkin'),
    SeatsModule,
    CheckinsModule,
    LegacyRoutesModule,
  ],
})
export class AppModule {}
