import { messagingEntities, messagingMigrations } from '@pss/messaging';
import type { PlatformDatabaseOptions } from '@pss/platform';
import { BoardingPass } from '../checkins/boarding-pass.entity';
import { Checkin } from '../checkins/checkin.entity';
import { UnsettledAgreement } from '../checkins/unsettled-agreement.entity';
import { CreateCheckins1795980000000 } from '../migrations/1795980000000-CreateCheckins';
import { FollowTheSchedule1796200000001 } from '../migrations/1796200000001-FollowTheSchedule';
import { UnsettledAgreements1796630000000 } from '../migrations/1796630000000-UnsettledAgreements';
import { ScheduledFlight } from '../seats/scheduled-flight.entity';

/**
 * The check-in database: what the app and the migration CLI (tools/typeorm) both use. No seed: its
 * seat maps come from the schedule's events.
 */
export const database: PlatformDatabaseOptions = {
  entities: [ScheduledFlight, Checkin, BoardingPass, UnsettledAgreement, ...messagingEntities],
  migrations: [
    ...messagingMigrations,
    CreateCheckins1795980000000,
    FollowTheSchedule1796200000001,
    UnsettledAgreements1796630000000,
  ],
};
