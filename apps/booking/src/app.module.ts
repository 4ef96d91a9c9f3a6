import { Module } from '@nestjs/common';
import { MessagingModule } from '@pss/messaging';
import { PlatformModule } from '@pss/platform';
import { RegistryClientModule } from '@pss/registry-client';
import { LegacyRoutesModule } from './legacy/legacy-routes.module';
import { BookingsModule } from './bookings/bookings.module';
import { CheckinsModule } from './checkins/checkins.module';
import { database } from './database/schema';
import { FaresModule } from './fares/fares.module';
import { ScheduleModule } from './schedule/schedule.module';

@Module({
  imports: [
    PlatformModule.forRoot({
      serviceName: 'booking',
      defaultPort: 8060,
      description: 'Bookings, passengers and the authoritative seats of every flight (BrownField PSS).',
      database,
    }),
    // The website forwards passengers' look-ups: each counts against the passenger's address.
    RegistryClientModule.forRoot({ appName: 'BOOKING', forwardingProxies: ['WEBSITE'] }),
    MessagingModule.forService('booking'),
    BookingsModule,
    LegacyRoutesModule,
    CheckinsModule,
    FaresModule,
    ScheduleModule,
  ],
})
export class AppModule {}
