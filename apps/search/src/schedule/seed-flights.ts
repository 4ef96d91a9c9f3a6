import type { DataSource } from 'typeorm';
import { scheduleDaily } from './daily-flights';
import { REFERENCE_AIRCRAFT_SEATS, REFERENCE_SCHEDULE, seedWindow } from './reference-schedule';

/**
 * Schedules the book's flights on every date of the rolling window that does not have them yet, and
 * announces each with `flight.scheduled`, in one transaction: fares files their fares, booking
 * opens their inventories and check-in their seat maps from those events. A flight already
 * scheduled is never rewritten (an operator may have changed it); a later day extends the window.
 * A new flight is not shown until fares' `fare.changed` gives it a fare and booking's
 * `booking.inventory-changed` its seats for sale.
 */
export async function seedFlights(dataSource: DataSource, today = new Date()): Promise<void> {
  const { from, to } = seedWindow(today);
  const flights = REFERENCE_SCHEDULE.map((flight) => ({ ...flight, capacity: REFERENCE_AIRCRAFT_SEATS }));
  await dataSource.transaction((manager) => scheduleDaily(manager, flights, from, to));
}
