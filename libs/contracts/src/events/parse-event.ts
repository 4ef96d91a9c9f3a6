import { pssEventTypes, type PssEventType, type PssIntegrationEvent } from './pss-events';

type FieldKind = 'text' | 'date' | 'count' | 'money' | 'timestamp';

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const inventoryFields = {
  bookingId: 'text',
  flightNumber: 'text',
  flightDate: 'date',
  seats: 'count',
  remainingSeats: 'count',
  inventoryVersion: 'count',
} as const;

const scheduleFields = {
  flightNumber: 'text',
  flightDate: 'date',
  origin: 'text',
  destination: 'text',
  departsAt: 'timestamp',
  arrivesAt: 'timestamp',
  capacity: 'count',
  scheduleVersion: 'count',
} as const;

const inventoryStateFields = {
  flightNumber: 'text',
  flightDate: 'date',
  remainingSeats: 'count',
  inventoryVersion: 'count',
} as const;

const fareFields = { flightNumber: 'text', flightDate: 'date', fare: 'money', fareVersion: 'count' } as const;

/** Most items one bulk event carries (`flight.bulk-scheduled`: a day of a large airline's network). */
export const MAX_BULK_ITEMS = 5_000;

/** The events whose payload is a list (`payload.<list>`), each item with these fields. */
const listFields: Partial<Record<PssEventType, { list: string; fields: Record<string, FieldKind> }>> = {
  'flight.bulk-scheduled': { list: 'flights', fields: scheduleFields },
  'booking.bulk-inventory-changed': { list: 'inventories', fields: inventoryStateFields },
  'fare.bulk-changed': { list: 'fares', fields: fareFields },
};

const payloadFields: Record<PssEventType, Record<string, FieldKind>> = {
  'flight.scheduled': scheduleFields,
  'flight.bulk-scheduled': {},
  'flight.changed': scheduleFields,
  'booking.confirmed': inventoryFields,
  'booking.cancelled': inventoryFields,
  'booking.inventory-changed': inventoryStateFields,
  'booking.bulk-inventory-changed': {},
  'checkin.completed': { checkinId: 'text', bookingId: 'text' },
  'fare.changed': fareFields,
  'fare.bulk-changed': {},
};

const isValid: Record<FieldKind | 'uuid', (value: unknown) => boolean> = {
  uuid: (value) => typeof value === 'string' && uuidPattern.test(value),
  text: (value) => typeof value === 'string' && value.length > 0,
  date: (value) => typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value),
  count: (value) => Number.isInteger(value) && (value as number) >= 0,
  money: (value) => {
    const money = value as { amount?: unknown; currency?: unknown } | null;
    return (
      typeof money?.amount === 'string' &&
      /^\d+\.\d{2}$/.test(money.amount) &&
      typeof money.currency === 'string' &&
      /^[A-Z]{3}$/.test(money.currency)
    );
  },
  timestamp: (value) => typeof value === 'string' && !Number.isNaN(Date.parse(value)),
};

/** Thrown for a message that is not a PSS integration event; `field` names what is wrong. */
export class InvalidIntegrationEventError extends Error {
  constructor(
    readonly field: string,
    problem: string,
  ) {
    super(`invalid integration event: ${field} ${problem}`);
    this.name = 'InvalidIntegrationEventError';
  }
}

/** Checks a decoded message against the contract and returns it typed, or throws naming the field. */
export function parseIntegrationEvent(raw: unknown): PssIntegrationEvent {
  const event = asRecord(raw, 'event');
  expectField(event, 'id', 'uuid');
  expectField(event, 'occurredAt', 'timestamp');
  if (!pssEventTypes.includes(event.type as PssEventType)) {
    throw new InvalidIntegrationEventError('type', `must be one of ${pssEventTypes.join(', ')}`);
  }
  const payload = asRecord(event.payload, 'payload');
  for (const [name, kind] of Object.entries(payloadFields[event.type as PssEventType])) {
    expectField(payload, name, kind, 'payload.');
  }
  const items = listFields[event.type as PssEventType];
  if (items) expectList(payload[items.list], `payload.${items.list}`, items.fields);
  return event as unknown as PssIntegrationEvent;
}

function expectList(value: unknown, field: string, fields: Record<string, FieldKind>): void {
  if (!Array.isArray(value) || value.length === 0 || value.length > MAX_BULK_ITEMS) {
    throw new InvalidIntegrationEventError(field, `must be a list of 1 to ${MAX_BULK_ITEMS} items`);
  }
  value.forEach((item, index) => {
    const record = asRecord(item, `${field}[${index}]`);
    for (const [name, kind] of Object.entries(fields)) expectField(record, name, kind, `${field}[${index}].`);
  });
}

function asRecord(value: unknown, field: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new InvalidIntegrationEventError(field, 'must be an object');
  }
  return value as Record<string, unknown>;
}

function expectField(
  record: Record<string, unknown>,
  name: string,
  kind: keyof typeof isValid,
  prefix = '',
): void {
  if (!isValid[kind](record[name])) {
    throw new InvalidIntegrationEventError(`${prefix}${name}`, `must be ${kindNames[kind]}`);
  }
}

const kindNames: Record<keyof typeof isValid, string> = {
  uuid: 'a UUID',
  text: 'a non-empty string',
  date: 'a date YYYY-MM-DD',
  count: 'a non-negative integer',
  money: 'an amount with two decimal places and a currency code',
  timestamp: 'an ISO 8601 timestamp',
};
