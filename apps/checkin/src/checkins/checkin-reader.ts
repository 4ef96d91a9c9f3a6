import { Injectable, NotFoundException } from '@nestjs/common';
import { queryPrepared, type PreparedStatement } from '@pss/platform';
import { DataSource, type EntityManager } from 'typeorm';
import type { CheckinResponse } from './dto/checkin.response';

// A check-in as the API answers it, its boarding passes in order, in one round trip (TypeORM's
// findOne with a relation takes two).
const CHECKIN_RESPONSE = `
  SELECT checkin.id, checkin.booking_id AS "bookingId", checkin.booking_reference AS "bookingReference",
         checkin.flight_number AS "flightNumber", checkin.flight_date::text AS "flightDate",
         (SELECT json_agg(json_build_object(
                   'firstName', pass.first_name, 'lastName', pass.last_name,
                   'flightNumber', pass.flight_number, 'flightDate', pass.flight_date,
                   'seat', pass.seat, 'boardingReference', pass.boarding_reference) ORDER BY pass.position)
            FROM boarding_passes pass WHERE pass.checkin_id = checkin.id) AS "boardingPasses",
         checkin.created_at AS "createdAt"
    FROM checkins checkin`;

const CHECKIN_BY: Record<'id' | 'booking_id', PreparedStatement> = {
  id: { name: 'checkin_by_id', text: `${CHECKIN_RESPONSE} WHERE checkin.id = $1` },
  booking_id: { name: 'checkin_by_booking', text: `${CHECKIN_RESPONSE} WHERE checkin.booking_id = $1` },
};

type CheckinRow = Omit<CheckinResponse, 'createdAt'> & { createdAt: Date };

@Injectable()
export class CheckinReader {
  constructor(private readonly dataSource: DataSource) {}

  async byId(id: string): Promise<CheckinResponse> {
    const checkin = await this.find(this.dataSource.manager, 'id', id);
    if (!checkin) throw new NotFoundException(`No check-in ${id}`);
    return checkin;
  }

  /** The check-in of a booking, if it was checked in. */
  byBooking(manager: EntityManager, bookingId: string): Promise<CheckinResponse | undefined> {
    return this.find(manager, 'booking_id', bookingId);
  }

  private async find(
    manager: EntityManager,
    column: 'id' | 'booking_id',
    value: string,
  ): Promise<CheckinResponse | undefined> {
    const [checkin] = await queryPrepared<CheckinRow>(manager, CHECKIN_BY[column], [value]);
    return checkin && { ...checkin, createdAt: checkin.createdAt.toISOString() };
  }
}
