import { Injectable, NotFoundException } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { Booking } from './booking.entity';
import { BookingResponse } from './dto/booking.response';

@Injectable()
export class BookingReader {
  constructor(private readonly dataSource: DataSource) {}

  async byId(id: string, manager: EntityManager = this.dataSource.manager): Promise<BookingResponse> {
    const booking = await manager.findOne(Booking, { where: { id }, relations: { passengers: true } });
    if (!booking) throw new NotFoundException(`No booking ${id}`);
    return BookingResponse.of(booking);
  }

  /** The booking with this reference, if one of its passengers has this last name (any case). */
  async byReference(reference: string, lastName: string): Promise<BookingResponse> {
    const booking = await this.dataSource.manager.findOne(Booking, {
      where: { reference },
      relations: { passengers: true },
    });
    const named = booking?.passengers.some(
      (passenger) => passenger.lastName.toLowerCase() === lastName.toLowerCase(),
    );
    // One answer for both misses: a wrong name must not confirm that the reference exists.
    if (!booking || !named) throw new NotFoundException(`No booking ${reference} for ${lastName}`);
    return BookingResponse.of(booking);
  }
}
