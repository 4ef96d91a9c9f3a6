import { Injectable, NotFoundException } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { Checkin } from './checkin.entity';
import { CheckinResponse } from './dto/checkin.response';

@Injectable()
export class CheckinReader {
  constructor(private readonly dataSource: DataSource) {}

  async byId(id: string): Promise<CheckinResponse> {
    const checkin = await this.find(this.dataSource.manager, { id });
    if (!checkin) throw new NotFoundException(`No check-in ${id}`);
    return checkin;
  }

  /** The check-in of a booking, if it was checked in. */
  byBooking(manager: EntityManager, bookingId: string): Promise<CheckinResponse | undefined> {
    return this.find(manager, { bookingId });
  }

  private async find(manager: EntityManager, where: { id: string } | { bookingId: string }) {
    const checkin = await manager.findOne(Checkin, { where, relations: { boardingPasses: true } });
    return checkin ? CheckinResponse.of(checkin) : undefined;
  }
}
