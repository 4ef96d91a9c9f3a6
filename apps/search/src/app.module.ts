import { Module } from '@nestjs/common';
import { MessagingModule } from '@pss/messaging';
import { PlatformModule } from '@pss/platform';
import { RegistryClientModule } from '@pss/registry-client';
import { AvailabilityModule } from './availability/availability.module';
import { CatchUpModule } from './catch-up/catch-up.module';
import { database } from './database/schema';
import { FaresModule } from './fares/fares.module';
import { FlightsModule } from './flights/flights.module';
import { ScheduleModule } from './schedule/schedule.module';

@Module({
  imports: [
    PlatformModule.forRoot({
      serviceName: 'search',
      defaultPort: 8090,
      description: 'Flights on a route and date, with fares and the seats still for sale (BrownField PSS).',
      database,
    }),
    RegistryClientModule.forRoot({ appName: 'SEARCH' }),
    // Search publishes the schedule's events, and follows booking's inventory and fares' fare events.
    MessagingModule.forService('search'),
    FlightsModule,
    ScheduleModule,
    AvailabilityModule,
    FaresModule,
    CatchUpModule,
  ],
})
export class AppModule {}
