import { messagingEntities, messagingMigrations } from '@pss/messaging';
import type { PlatformDatabaseOptions } from '@pss/platform';
import { Fare } from '../fares/fare.entity';
import { CreateFares1795629531252 } from '../migrations/1795629531252-CreateFares';
import { VersionFares1796100000000 } from '../migrations/1796100000000-VersionFares';
import { KnowTheSchedule1796200000003 } from '../migrations/1796200000003-KnowTheSchedule';
import { ScheduledFlight } from '../schedule/scheduled-flight.entity';

/**
 * The fares database: what the app and the migration CLI (tools/typeorm) both use. No seed: the
 * book's fares are filed as the schedule announces the book's flights.
 */
export const database: PlatformDatabaseOptions = {
  entities: [Fare, ScheduledFlight, ...messagingEntities],
  migrations: [
    CreateFares1795629531252,
    ...messagingMigrations,
    VersionFares1796100000000,
    KnowTheSchedule1796200000003,
  ],
};
