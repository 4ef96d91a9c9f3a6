import { Module } from '@nestjs/common';
import { SearchConfig } from '../config/search-config';
import { LegacySearchController } from './legacy-search.controller';
import { ClosedOrigins } from './closed-origins';
import { FlightFinder } from './flight-finder';
import { FlightScheduleController } from './flight-schedule.controller';
import { FlightSchedule } from './flight-schedule.service';
import { FlightSearch } from './flight-search.service';
import { FlightsController } from './flights.controller';
import { RouteCache } from './route-cache';

@Module({
  controllers: [FlightsController, LegacySearchController, FlightScheduleController],
  providers: [
    { provide: SearchConfig, useFactory: () => SearchConfig.fromEnvironment() },
    FlightFinder,
    RouteCache,
    ClosedOrigins,
    FlightSearch,
    FlightSchedule,
  ],
  exports: [SearchConfig, RouteCache],
})
export class FlightsModule {}
