import { messagingEntities, messagingMigrations } from '@pss/messaging';
import type { PlatformDatabaseOptions } from '@pss/platform';
import { Booking } from '../bookings/booking.entity';
import { Passenger } from '../bookings/passenger.entity';
import { Inventory } from '../inventory/inventory.entity';
import { CreateBookings1795970000000 } from '../migrations/1795970000000-CreateBookings';
import { RecordCheckinOfBooking1796000000000 } from '../migrations/1796000000000-RecordCheckinOfBooking';
import { FollowTheSchedule1796200000002 } from '../migrations/1796200000002-FollowTheSchedule';
import { UnconfirmedCheckins1796650000000 } from '../migrations/1796650000000-UnconfirmedCheckins';

/**
 * The booking database: what the app and the migration CLI (tools/typeorm) both use. No seed: its
 * inventories come from the schedule's events.
 */
export const database: PlatformDatabaseOptions = {
  entities: [Inventory, Booking, Passenger, ...messagingEntities],
  migrations: [
    ...messagingMigrations,
    CreateBookings1795970000000,
    RecordCheckinOfBooking1796000000000,
    FollowTheSchedule1796200000002,
    UnconfirmedCheckins1796650000000,
  ],
};
