import type { PlatformDatabaseOptions } from '@pss/platform';
import { Fare } from '../fares/fare.entity';
import { CreateFares1795629531252 } from '../migrations/1795629531252-CreateFares';
import { seedFares } from '../seed/seed-fares';

/** The fares database: what the app and the migration CLI (tools/typeorm) both use. */
export const database: PlatformDatabaseOptions = {
  entities: [Fare],
  migrations: [CreateFares1795629531252],
  seed: seedFares,
};
