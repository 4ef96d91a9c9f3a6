export { createIntegrationEvent, type IntegrationEvent } from './events/integration-event';
export type {
  BookingCancelledEvent,
  BookingConfirmedEvent,
  BookingInventoryPayload,
  InventoryBulkChangedEvent,
  InventoryBulkChangedPayload,
  InventoryChangedEvent,
} from './events/booking-events';
export type { CheckinCompletedEvent, CheckinCompletedPayload } from './events/checkin-events';
export type {
  FareBulkChangedEvent,
  FareBulkChangedPayload,
  FareChangedEvent,
  FareChangedPayload,
} from './events/fare-events';
export type {
  FlightChangedEvent,
  FlightScheduledEvent,
  FlightBulkScheduledEvent,
  FlightBulkScheduledPayload,
  ScheduledFlightPayload,
  ScheduledFlightState,
} from './events/flight-events';
export {
  pssEventSubscriptions,
  pssEventTypes,
  type PssEventOfType,
  type PssEventType,
  type PssIntegrationEvent,
} from './events/pss-events';
export { InvalidIntegrationEventError, MAX_BULK_ITEMS, parseIntegrationEvent } from './events/parse-event';
export type { Money } from './dto/money';
export {
  FARES_SNAPSHOT,
  INVENTORIES_SNAPSHOT,
  SCHEDULE_SNAPSHOT,
  type FareState,
  type InventoryState,
  type Snapshot,
  type SnapshotDates,
  type SnapshotSource,
} from './dto/snapshots';
export { bookingStatuses, type BookingStatus } from './dto/booking-status';
export type {
  BookingSummary,
  PassengerSummary,
  UnconfirmedCheckinSummary,
  UnconfirmedCheckinsPage,
} from './dto/booking';

// Shared domain values as requests carry them, with their validation rules.
export { AIRPORT_CODE, IsAirportCode } from './values/airport-code';
export { IsPersonName, PersonNameLength } from './values/person-name';
export { CodePointLength } from './values/code-point-length';
export { MoneyInput } from './values/money-input';
export { fromLegacyDate } from './values/legacy-date';
export { flightKey, versionedFlightKey, type FlightOnDate } from './values/flight-key';
