import { messagingEntities, messagingMigrations } from '@pss/messaging';
import type { PlatformDatabaseOptions } from '@pss/platform';
import { BoardingPass } from '../checkins/boarding-pass.entity';
import { Checkin } from '../checkins/checkin.entity';
import { CreateCheckins1795980000000 } from '../migrations/1795980000000-CreateCheckins';
import { AircraftType } from '../seats/aircraft-type.entity';
import { FlightAircraft } from '../seats/flight-aircraft.entity';
import { seedSeatMaps } from '../seats/seed-seat-maps';

/** The check-in database: what the app and the migration CLI (tools/typeorm) both use. */
export const database: PlatformDatabaseOptions = {
  entities: [AircraftType, FlightAircraft, Checkin, BoardingPass, ...messagingEntities],
  migrations: [...messagingMigrations, CreateCheckins1795980000000],
  seed: seedSeatMaps,
};
