import type { PlatformDatabaseOptions } from '@pss/platform';
import { messagingEntities, messagingMigrations } from '@pss/messaging';
import { UnknownFlightEvent } from '../availability/unknown-flight-event.entity';
import { Flight } from '../flights/flight.entity';
import { CreateFlights1795960000000 } from '../migrations/1795960000000-CreateFlights';
import { FollowFares1796100000001 } from '../migrations/1796100000001-FollowFares';
import { OwnTheSchedule1796200000000 } from '../migrations/1796200000000-OwnTheSchedule';
import { LearnSeatsFromBooking1796300000000 } from '../migrations/1796300000000-LearnSeatsFromBooking';
import { seedFlights } from '../schedule/seed-flights';

/** The search database: what the app and the migration CLI (tools/typeorm) both use. */
export const database: PlatformDatabaseOptions = {
  entities: [Flight, UnknownFlightEvent, ...messagingEntities],
  migrations: [
    ...messagingMigrations,
    CreateFlights1795960000000,
    FollowFares1796100000001,
    OwnTheSchedule1796200000000,
    LearnSeatsFromBooking1796300000000,
  ],
  seed: seedFlights,
};
