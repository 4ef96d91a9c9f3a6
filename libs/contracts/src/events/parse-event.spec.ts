import type { FareChangedPayload } from './fare-events';
import { createIntegrationEvent } from './integration-event';
import { parseIntegrationEvent } from './parse-event';

const confirmed = () =>
  createIntegrationEvent('booking.confirmed', {
    bookingId: 'b-1',
    flightNumber: 'BF101',
    flightDate: '2026-12-01',
    seats: 2,
    remainingSeats: 98,
    inventoryVersion: 1,
  });

const fareChanged = (fare: unknown = { amount: '120.00', currency: 'USD' }) =>
  createIntegrationEvent('fare.changed', {
    flightNumber: 'BF101',
    flightDate: '2026-12-01',
    fare,
    fareVersion: 2,
  });

const scheduled = () =>
  createIntegrationEvent('flight.scheduled', {
    flightNumber: 'BF107',
    flightDate: '2026-12-01',
    origin: 'BOS',
    destination: 'SFO',
    departsAt: '2026-12-01T12:00:00.000Z',
    arrivesAt: '2026-12-01T18:30:00.000Z',
    capacity: 100,
    scheduleVersion: 1,
  });

const dayScheduled = (
  flights: unknown[] = [scheduled().payload, { ...scheduled().payload, flightNumber: 'BF108' }],
) => createIntegrationEvent('flight.bulk-scheduled', { flights });

const faresFiled = () =>
  createIntegrationEvent('fare.bulk-changed', {
    fares: [
      fareChanged().payload as FareChangedPayload,
      { ...(fareChanged().payload as FareChangedPayload), flightNumber: 'BF102' },
    ],
  });

const inventoriesOpened = () =>
  createIntegrationEvent('booking.bulk-inventory-changed', {
    inventories: [
      { flightNumber: 'BF101', flightDate: '2026-12-01', remainingSeats: 95, inventoryVersion: 1 },
    ],
  });

describe('parseIntegrationEvent', () => {
  it('accepts each event type that PSS publishes, as sent over the wire', () => {
    const checkin = createIntegrationEvent('checkin.completed', { checkinId: 'c-1', bookingId: 'b-1' });
    for (const event of [
      confirmed(),
      { ...confirmed(), type: 'booking.cancelled' },
      checkin,
      fareChanged(),
      scheduled(),
      { ...scheduled(), type: 'flight.changed' },
      dayScheduled(),
      faresFiled(),
      inventoriesOpened(),
    ]) {
      expect(parseIntegrationEvent(JSON.parse(JSON.stringify(event)))).toEqual(event);
    }
  });

  it('gives every new event a unique id and an ISO 8601 UTC timestamp', () => {
    const [a, b] = [confirmed(), confirmed()];
    expect(a.id).not.toEqual(b.id);
    expect(a.occurredAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
  });

  it.each([
    [
      { ...confirmed(), type: 'booking.exploded' },
      /type must be one of flight.scheduled, flight.bulk-scheduled, flight.changed, booking.confirmed/,
    ],
    [{ ...confirmed(), id: 'event-1' }, /id must be a UUID/],
    [{ ...confirmed(), occurredAt: 'yesterday' }, /occurredAt must be an ISO 8601 timestamp/],
    [{ ...confirmed(), payload: null }, /payload must be an object/],
    [{ ...confirmed(), payload: { ...confirmed().payload, seats: -1 } }, /payload.seats must be/],
    [{ ...confirmed(), payload: { ...confirmed().payload, flightDate: '1/12/26' } }, /payload.flightDate/],
    [
      { ...confirmed(), payload: { ...confirmed().payload, inventoryVersion: undefined } },
      /payload.inventoryVersion/,
    ],
    [fareChanged({ amount: 120, currency: 'USD' }), /payload.fare must be an amount with two decimal/],
    [fareChanged({ amount: '-1.00', currency: 'USD' }), /payload.fare must be/],
    [fareChanged({ amount: '120.00', currency: 'usd' }), /payload.fare must be/],
    [fareChanged(null), /payload.fare must be/],
    [{ ...scheduled(), type: 'booking.confirmed' }, /payload.bookingId/],
    [
      { ...scheduled(), payload: { ...scheduled().payload, departsAt: '12:00' } },
      /payload.departsAt must be an ISO/,
    ],
    [{ ...scheduled(), payload: { ...scheduled().payload, capacity: 99.5 } }, /payload.capacity must be/],
    [dayScheduled([]), /payload.flights must be a list of 1 to 5000 items/],
    [{ ...dayScheduled(), payload: { flights: 'BF107' } }, /payload.flights must be a list/],
    [
      dayScheduled(Array.from({ length: 5_001 }, () => scheduled().payload)),
      /payload.flights must be a list/,
    ],
    [dayScheduled([scheduled().payload, null]), /payload.flights\[1\] must be an object/],
    [
      dayScheduled([scheduled().payload, { ...scheduled().payload, capacity: -1 }]),
      /payload.flights\[1\].capacity must be a non-negative integer/,
    ],
    [
      { ...faresFiled(), payload: { fares: [{ ...faresFiled().payload.fares[0], fare: { amount: 1 } }] } },
      /payload.fares\[0\].fare must be an amount/,
    ],
    [
      { ...inventoriesOpened(), payload: { inventories: [{ flightNumber: 'BF101' }] } },
      /payload.inventories\[0\].flightDate must be a date/,
    ],
    ['not an object', /event must be an object/],
  ])('rejects a malformed event naming the field (%#)', (event, message) => {
    expect(() => parseIntegrationEvent(event)).toThrow(message);
  });
});
