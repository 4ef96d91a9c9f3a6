import { messagingEntities, messagingMigrations } from '@pss/messaging';
import type { PlatformDatabaseOptions } from '@pss/platform';
import { Fare } from '../fares/fare.entity';
import { CreateFares1795629531252 } from '../migrations/1795629531252-CreateFares';
import { VersionFares1796100000000 } from '../migrations/1796100000000-VersionFares';
import { seedFares } from '../seed/seed-fares';

/** The fares database: what the app and the migration CLI (tools/typeorm) both use. */
export const database: PlatformDatabaseOptions = {
  entities: [Fare, ...messagingEntities],
  migrations: [CreateFares1795629531252, ...messagingMigrations, VersionFares1796100000000],
  seed: seedFares,
};
