import {
  createIntegrationEvent,
  type FareChangedEvent,
  type FlightChangedEvent,
  type FlightScheduledEvent,
  type FlightBulkScheduledEvent,
  type InventoryChangedEvent,
  type PssIntegrationEvent,
  type ScheduledFlightPayload,
} from '@pss/contracts';
import { publishEvents } from './publish-events';

/**
 * The book's flights as search schedules them (100 seats each) and the fares fares files for them:
 * what a test of a follower expects the owners to say. The owners keep their own (search's
 * reference schedule, fares' reference tariff), and the system suite runs them.
 */
export const REFERENCE_FLIGHTS = [
  { flightNumber: 'BF100', origin: 'SEA', departs: '15:00', minutes: 125, fare: '100.00' },
  { flightNumber: 'BF101', origin: 'NYC', departs: '13:00', minutes: 385, fare: '101.00' },
  { flightNumber: 'BF102', origin: 'CHI', departs: '14:30', minutes: 270, fare: '102.00' },
  { flightNumber: 'BF103', origin: 'HOU', departs: '16:00', minutes: 260, fare: '103.00' },
  { flightNumber: 'BF104', origin: 'LAX', departs: '18:00', minutes: 85, fare: '104.00' },
  { flightNumber: 'BF105', origin: 'NYC', departs: '17:00', minutes: 385, fare: '105.00' },
  { flightNumber: 'BF106', origin: 'NYC', departs: '21:00', minutes: 385, fare: '106.00' },
] as const;

/** `flight.scheduled` for each of the book's flights on each date, as search says it. */
export function referenceScheduleEvents(dates: readonly string[]): FlightScheduledEvent[] {
  return dates.flatMap((flightDate) =>
    REFERENCE_FLIGHTS.map((flight) => {
      const departsAt = new Date(`${flightDate}T${flight.departs}:00Z`);
      return createIntegrationEvent('flight.scheduled', {
        flightNumber: flight.flightNumber,
        flightDate,
        origin: flight.origin,
        destination: 'SFO',
        departsAt: departsAt.toISOString(),
        arrivesAt: new Date(departsAt.getTime() + flight.minutes * 60_000).toISOString(),
        capacity: 100,
        scheduleVersion: 1,
      });
    }),
  );
}

/** `fare.changed` version 1 for each of the book's flights on each date, as fares files them. */
export function referenceFareEvents(dates: readonly string[]): FareChangedEvent[] {
  return dates.flatMap((flightDate) =>
    REFERENCE_FLIGHTS.map(({ flightNumber, fare }) =>
      createIntegrationEvent('fare.changed', {
        flightNumber,
        flightDate,
        fare: { amount: fare, currency: 'USD' },
        fareVersion: 1,
      }),
    ),
  );
}

/** The seats booking sells on a new 100-seat flight: all but its default safety buffer of 5. */
export const REFERENCE_SEATS_FOR_SALE = 95;

/** `booking.inventory-changed` version 1 for each of the book's flights on each date, as booking opens them. */
export function referenceInventoryEvents(dates: readonly string[]): InventoryChangedEvent[] {
  return dates.flatMap((flightDate) =>
    REFERENCE_FLIGHTS.map(({ flightNumber }) =>
      createIntegrationEvent('booking.inventory-changed', {
        flightNumber,
        flightDate,
        remainingSeats: REFERENCE_SEATS_FOR_SALE,
        inventoryVersion: 1,
      }),
    ),
  );
}

export interface DayRange {
  /** Days before today (UTC); none by default. */
  daysBefore?: number;
  /** Days after today (UTC); 30 by default: with today, the 31 days one snapshot page holds. */
  daysAfter?: number;
}

function datesAround({ daysBefore = 0, daysAfter = 30 }: DayRange): string[] {
  const today = new Date();
  return Array.from({ length: daysBefore + daysAfter + 1 }, (_, i) =>
    new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate() - daysBefore + i))
      .toISOString()
      .slice(0, 10),
  );
}

async function published<TEvent extends PssIntegrationEvent>(brokerUrl: string, events: TEvent[]) {
  await publishEvents(brokerUrl, events);
  return events;
}

/**
 * Plays search, the schedule's owner, for a test of a service that follows the schedule: publishes
 * the book's flights on every date of the range. The caller waits until its service applied them.
 */
export const publishReferenceSchedule = (brokerUrl: string, range: DayRange = {}) =>
  published(brokerUrl, referenceScheduleEvents(datesAround(range)));

/** Plays fares for a test of a service that follows fares: the book's fares on every date of the range. */
export const publishReferenceFares = (brokerUrl: string, range: DayRange = {}) =>
  published(brokerUrl, referenceFareEvents(datesAround(range)));

/**
 * An operator's flight as search announces it: BOS to SFO, 12:00 to 18:30 UTC, 100 seats, version 1
 * (`flight.scheduled`) unless `changes` say otherwise; a later version is a `flight.changed`.
 */
export function scheduledFlightEvent(
  flightNumber: string,
  flightDate: string,
  changes: Partial<ScheduledFlightPayload> = {},
): FlightScheduledEvent | FlightChangedEvent {
  const payload: ScheduledFlightPayload = {
    flightNumber,
    flightDate,
    origin: 'BOS',
    destination: 'SFO',
    departsAt: `${flightDate}T12:00:00.000Z`,
    arrivesAt: `${flightDate}T18:30:00.000Z`,
    capacity: 100,
    scheduleVersion: 1,
    ...changes,
  };
  return payload.scheduleVersion === 1
    ? createIntegrationEvent('flight.scheduled', payload)
    : createIntegrationEvent('flight.changed', payload);
}

/** A bulk load's announcement, as search's `schedule:generate` makes it: these new flights at once. */
export function bulkScheduledEvent(
  flights: readonly { payload: ScheduledFlightPayload }[],
): FlightBulkScheduledEvent {
  return createIntegrationEvent('flight.bulk-scheduled', { flights: flights.map((event) => event.payload) });
}

/** Plays booking for a test of search: the book's flights opened for sale on every date of the range. */
export const publishReferenceInventories = (brokerUrl: string, range: DayRange = {}) =>
  published(brokerUrl, referenceInventoryEvents(datesAround(range)));
